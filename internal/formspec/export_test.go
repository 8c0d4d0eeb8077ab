package formspec

import (
	"github.com/formwork/formwork/orm"
	"github.com/formwork/formwork/renderers"
)

// RunOnDB renders the case as Run does, its models created in the empty
// database open opens (which the case closes), for the tests that run
// the model cases on PostgreSQL.
func (c *Case) RunOnDB(open func() (*orm.DB, error)) (*Result, error) {
	cc := *c
	cc.openDB = open
	return cc.Run()
}

// RunWithLanguage renders the case as RunWith(r) does, in language lang
// ("en" for English) instead of the case's own.
func (c *Case) RunWithLanguage(r renderers.Renderer, lang string) (*Result, error) {
	cc := *c
	cc.language = lang
	return cc.RunWith(r)
}
