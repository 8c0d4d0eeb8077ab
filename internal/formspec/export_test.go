package formspec

import "github.com/formwork/formwork/orm"

// RunOnDB renders the case as Run does, its models created in the empty
// database open opens (which the case closes), for the tests that run
// the model cases on PostgreSQL.
func (c *Case) RunOnDB(open func() (*orm.DB, error)) (*Result, error) {
	cc := *c
	cc.openDB = open
	return cc.Run()
}
