package formspec_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver, to make schemas

	"github.com/formwork/formwork/internal/formspec"
	"github.com/formwork/formwork/orm"
)

// TestConformanceModelsPostgres renders every case with models (model
// forms, model formsets, model choice fields) with its tables in
// PostgreSQL instead of SQLite, when FORMWORK_PG_DSN is set (see
// .ci/postgres.sh), and compares the results with the reference's: the
// two backends must give the same answers.
func TestConformanceModelsPostgres(t *testing.T) {
	dsn := os.Getenv("FORMWORK_PG_DSN")
	if dsn == "" {
		const why = "FORMWORK_PG_DSN is not set; start a server with .ci/postgres.sh"
		if os.Getenv("CI") == "true" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	known := knownDifferences(t)
	run := fmt.Sprintf("formwork_spec_%d_%d", os.Getpid(), time.Now().UnixNano())
	var seq atomic.Int64
	ran := 0
	for _, dirs := range [][2]string{{"../../testdata/cases", "../../testdata/golden"}, {"../../testdata/cases-extra", "../../testdata/golden-extra"}} {
		paths, err := filepath.Glob(filepath.Join(dirs[0], "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(path), ".json")
			var probe map[string]json.RawMessage
			if json.Unmarshal(b, &probe) != nil || probe["models"] == nil || known[name] != "" {
				continue
			}
			ran++
			t.Run(name, func(t *testing.T) {
				c, err := formspec.Load(path)
				if err != nil {
					t.Fatal(err)
				}
				schema := fmt.Sprintf("%s_%d", run, seq.Add(1))
				res, err := c.RunOnDB(func() (*orm.DB, error) { return openSchema(ctx, t, admin, dsn, schema) })
				if err != nil {
					t.Fatal(err)
				}
				out, err := res.JSON()
				if err != nil {
					t.Fatal(err)
				}
				var doc struct {
					Outputs map[string]any `json:"outputs"`
				}
				if err := json.Unmarshal(out, &doc); err != nil {
					t.Fatal(err)
				}
				golden := loadGolden(t, filepath.Join(dirs[1], filepath.Base(path)))
				for _, p := range diff(golden, doc.Outputs, "") {
					t.Errorf("%s differs on PostgreSQL\n want: %s\n  got: %s", p, show(golden, p), show(doc.Outputs, p))
				}
			})
		}
	}
	if ran == 0 {
		t.Fatal("no case with models")
	}
}

// openSchema creates a schema for one case, dropped when the test ends,
// and opens a database whose search path is that schema.
func openSchema(ctx context.Context, t *testing.T, admin *sql.DB, dsn, schema string) (*orm.DB, error) {
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		return nil, err
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return orm.OpenPostgres(ctx, u.String())
}
