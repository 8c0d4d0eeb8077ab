package orm

import "context"

// QuoteIdent and (*DB).ExecForTest give the external tests the schema
// statements the PostgreSQL suite needs.
var QuoteIdent = quoteIdent

func (d *DB) ExecForTest(ctx context.Context, query string) error {
	_, err := d.db.ExecContext(ctx, query)
	return err
}
