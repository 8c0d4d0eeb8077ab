package orm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Store reads and writes the rows of models. *DB is a Store; so is the
// Store that InTx passes to its function.
type Store interface {
	// CreateTables creates the models' tables (and their many-to-many
	// join tables), ForeignKey targets first. A table that already exists
	// is left as it is, so an application may call it on every start; its
	// columns are not compared with the model (that is a migration's job).
	CreateTables(ctx context.Context, models ...*Model) error
	// List returns the rows matching filter, sorted by order ("-age",
	// "name"; default the model's ordering, then id). NULLs sort first
	// ascending and last descending on both backends.
	List(ctx context.Context, m *Model, filter Filter, order ...string) ([]Row, error)
	// Get returns the row with the id, or an error wrapping ErrNotFound.
	Get(ctx context.Context, m *Model, id int64) (Row, error)
	// Insert adds a row and returns its id: 1, 2, ... in insertion order
	// in a fresh table. (An id used by a rolled-back insert is reused by
	// SQLite but not by PostgreSQL, whose sequences never go back.)
	// Fields missing from r take their default, else NULL when nullable,
	// else "" for text fields.
	Insert(ctx context.Context, m *Model, r Row) (int64, error)
	// Update sets the fields present in r on the row with the id.
	Update(ctx context.Context, m *Model, id int64, r Row) error
	// Delete removes the row with the id and, as Django's
	// on_delete=CASCADE, the rows of the models registered beside m whose
	// ForeignKeys point at it, and its many-to-many links.
	Delete(ctx context.Context, m *Model, id int64) error
	// Exists reports whether a row other than excludeID (0: none) matches
	// filter: Django's uniqueness check.
	Exists(ctx context.Context, m *Model, filter Filter, excludeID int64) (bool, error)
	// InTx runs fn in a transaction (a savepoint when already in one),
	// committing when fn returns nil and rolling back when it returns an
	// error or panics; the panic continues after the rollback.
	InTx(ctx context.Context, fn func(Store) error) error
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DB is a Store over an SQLite or PostgreSQL database. It is safe for
// concurrent use.
type DB struct {
	store
	db *sql.DB
}

// store implements Store over a database or one of its transactions.
type store struct {
	q     querier
	d     dialect
	db    *sql.DB       // nil inside a transaction
	spSeq *atomic.Int64 // names savepoints uniquely
}

// OpenSQLite opens an SQLite database with modernc.org/sqlite; dsn is a
// file name or "file:" URI, to which foreign-key enforcement is added.
// The database is used through one connection, so concurrent callers
// take turns and no write meets SQLITE_BUSY.
func OpenSQLite(dsn string) (*DB, error) {
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	db, err := sql.Open("sqlite", dsn+sep+"_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("orm: open sqlite %q: %w", dsn, err)
	}
	// One connection: an in-memory database lives and dies with its
	// connection, and a single writer needs no lock retries.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("orm: open sqlite %q: %w", dsn, err)
	}
	return newDB(db, sqliteDialect{}), nil
}

// OpenMemory opens a fresh, private in-memory SQLite database.
func OpenMemory() (*DB, error) { return OpenSQLite(":memory:") }

// OpenPostgres connects to PostgreSQL through pgx; dsn is a URL
// (postgres://user:pass@host:port/db?sslmode=disable) or a keyword/value
// string, and may set search_path to work in one schema.
func OpenPostgres(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message quotes the DSN only with the password removed.
		return nil, fmt.Errorf("orm: open postgres: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("orm: open postgres %s:%d/%s: %w", cfg.Host, cfg.Port, cfg.Database, err)
	}
	return newDB(db, postgresDialect{}), nil
}

func newDB(db *sql.DB, d dialect) *DB {
	return &DB{store: store{q: db, d: d, db: db, spSeq: new(atomic.Int64)}, db: db}
}

// Close closes the database.
func (db *DB) Close() error {
	if db == nil || db.db == nil {
		return nil
	}
	return db.db.Close()
}

// Dialect names the backend: "sqlite" or "postgres".
func (db *DB) Dialect() string {
	if db == nil || db.d == nil {
		return ""
	}
	return db.d.name()
}

func (s *store) ready(m *Model) error {
	if s.q == nil || s.d == nil {
		return errors.New("orm: use of a zero DB (open one with OpenSQLite, OpenMemory or OpenPostgres)")
	}
	if m == nil || m.name == "" {
		return errors.New("orm: nil or zero Model (build one with NewModel)")
	}
	return nil
}

func (s *store) wrap(op string, err error) error {
	if s.d.isConstraint(err) {
		return fmt.Errorf("orm: %s: %w: %w", op, ErrConstraint, err)
	}
	return fmt.Errorf("orm: %s: %w", op, err)
}

func (s *store) CreateTables(ctx context.Context, models ...*Model) error {
	for _, m := range models {
		if err := s.ready(m); err != nil {
			return err
		}
	}
	ordered, err := dependencyOrder(models)
	if err != nil {
		return err
	}
	return s.InTx(ctx, func(tx Store) error {
		ts := tx.(*store)
		for _, m := range ordered {
			if _, err := ts.q.ExecContext(ctx, ts.createSQL(m)); err != nil {
				return ts.wrap("create table "+m.table, err)
			}
		}
		// Join tables last: their targets may come later in the list.
		for _, m := range ordered {
			for _, f := range m.ManyToMany() {
				table, from, to := m.JoinTable(f)
				q := "CREATE TABLE IF NOT EXISTS " + quoteIdent(table) + " (\n\t" + `"id" ` + ts.d.columnType(Field{Type: AutoField}) +
					",\n\t" + quoteIdent(from) + " " + ts.d.columnType(Field{Type: ForeignKey}) + " NOT NULL REFERENCES " + quoteIdent(m.table) + ` ("id") DEFERRABLE INITIALLY DEFERRED` +
					",\n\t" + quoteIdent(to) + " " + ts.d.columnType(Field{Type: ForeignKey}) + " NOT NULL REFERENCES " + quoteIdent(DefaultTable(f.To)) + ` ("id") DEFERRABLE INITIALLY DEFERRED` +
					",\n\tUNIQUE (" + quoteIdent(from) + ", " + quoteIdent(to) + ")\n)"
				if _, err := ts.q.ExecContext(ctx, q); err != nil {
					return ts.wrap("create table "+table, err)
				}
			}
		}
		return nil
	})
}

// dependencyOrder puts each model after the models its ForeignKeys point
// at, when they are among models; other targets must already exist.
func dependencyOrder(models []*Model) ([]*Model, error) {
	byName := make(map[string]*Model, len(models))
	for _, m := range models {
		if _, dup := byName[m.name]; dup {
			return nil, fmt.Errorf("orm: create tables: model %s given twice", m.name)
		}
		byName[m.name] = m
	}
	const (
		visiting = 1
		done     = 2
	)
	state := make(map[string]int)
	var out []*Model
	var visit func(m *Model) error
	visit = func(m *Model) error {
		switch state[m.name] {
		case done:
			return nil
		case visiting:
			return fmt.Errorf("orm: create tables: ForeignKey cycle through %s", m.name)
		}
		state[m.name] = visiting
		for _, f := range m.fields {
			if t, ok := byName[f.To]; ok && f.Type == ForeignKey && t != m {
				if err := visit(t); err != nil {
					return err
				}
			}
		}
		state[m.name] = done
		out = append(out, m)
		return nil
	}
	for _, m := range models {
		if err := visit(m); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *store) createSQL(m *Model) string {
	var defs []string
	for _, f := range m.columns() {
		col := quoteIdent(f.Column())
		def := col + " " + s.d.columnType(f)
		if !f.Null && f.Type != AutoField {
			def += " NOT NULL"
		}
		if f.Unique {
			def += " UNIQUE"
		}
		switch f.Type {
		case PositiveIntegerField, PositiveSmallIntegerField:
			def += " CHECK (" + col + " >= 0)"
		case BooleanField:
			if s.d.name() == "sqlite" {
				def += " CHECK (" + col + " IN (0, 1))"
			}
		case ForeignKey:
			// Deferred as in Django, so a formset may write rows in any order.
			target := "id"
			if f.target != nil {
				target = f.ToField
			}
			def += " REFERENCES " + quoteIdent(DefaultTable(f.To)) + " (" + quoteIdent(target) + ") DEFERRABLE INITIALLY DEFERRED"
		}
		defs = append(defs, def)
	}
	for _, group := range m.uniqueTogether {
		cols := make([]string, len(group))
		for i, name := range group {
			f, _ := m.Field(name)
			cols[i] = quoteIdent(f.Column())
		}
		defs = append(defs, "UNIQUE ("+strings.Join(cols, ", ")+")")
	}
	return "CREATE TABLE IF NOT EXISTS " + quoteIdent(m.table) + " (\n\t" + strings.Join(defs, ",\n\t") + "\n)"
}

func (s *store) selectSQL(m *Model) string {
	fields := m.columns()
	cols := make([]string, len(fields))
	for i, f := range fields {
		cols[i] = s.d.selectExpr(f, quoteIdent(f.Column()))
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + quoteIdent(m.table)
}

func (s *store) List(ctx context.Context, m *Model, filter Filter, order ...string) ([]Row, error) {
	if err := s.ready(m); err != nil {
		return nil, err
	}
	var args []any
	where, err := filter.whereSQL(m, s.d, &args)
	if err != nil {
		return nil, err
	}
	orderBy, err := s.orderSQL(m, order)
	if err != nil {
		return nil, err
	}
	return s.query(ctx, m, s.selectSQL(m)+where+orderBy, args)
}

func (s *store) orderSQL(m *Model, order []string) (string, error) {
	if len(order) == 0 {
		order = m.ordering
	}
	var terms []string
	seenID := false
	for _, o := range order {
		t, err := m.orderColumn(o)
		if err != nil {
			return "", fmt.Errorf("orm: list %s: %w", m.name, err)
		}
		expr := s.d.orderExpr(t.field, quoteIdent(t.field.Column()))
		if t.desc {
			expr += " DESC NULLS LAST"
		} else {
			expr += " ASC NULLS FIRST"
		}
		terms = append(terms, expr)
		seenID = seenID || t.field.Type == AutoField
	}
	if !seenID { // ties broken by id, so the order is total
		terms = append(terms, `"id" ASC`)
	}
	return " ORDER BY " + strings.Join(terms, ", "), nil
}

func (s *store) query(ctx context.Context, m *Model, query string, args []any) ([]Row, error) {
	rows, err := s.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.wrap("list "+m.name, err)
	}
	defer rows.Close()
	var out []Row
	fields := m.columns()
	dests := make([]any, len(fields))
	for rows.Next() {
		for i, f := range fields {
			dests[i] = s.d.scanDest(f)
		}
		if err := rows.Scan(dests...); err != nil {
			return nil, s.wrap("list "+m.name, err)
		}
		r := make(Row, len(m.fields))
		for i, f := range fields {
			v, err := s.d.decode(f, dests[i])
			if err != nil {
				return nil, fmt.Errorf("orm: list %s: %w", m.name, err)
			}
			r[f.Name] = v
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("list "+m.name, err)
	}
	rows.Close()
	if err := s.loadManyToMany(ctx, m, out); err != nil {
		return nil, err
	}
	return out, nil
}

// loadManyToMany sets each row's many-to-many values from the join
// tables: the sorted ids of its targets.
func (s *store) loadManyToMany(ctx context.Context, m *Model, out []Row) error {
	fields := m.ManyToMany()
	if len(fields) == 0 || len(out) == 0 {
		return nil
	}
	byID := make(map[int64]Row, len(out))
	for _, r := range out {
		id, _ := r.ID()
		byID[id] = r
	}
	for _, f := range fields {
		for _, r := range out {
			r[f.Name] = []int64{}
		}
		table, from, to := m.JoinTable(f)
		q := "SELECT " + quoteIdent(from) + ", " + quoteIdent(to) + " FROM " + quoteIdent(table)
		var args []any
		if len(out) == 1 {
			id, _ := out[0].ID()
			q += " WHERE " + quoteIdent(from) + " = " + s.d.placeholder(1)
			args = append(args, id)
		}
		q += " ORDER BY " + quoteIdent(to)
		rows, err := s.q.QueryContext(ctx, q, args...)
		if err != nil {
			return s.wrap("list "+m.name+"."+f.Name, err)
		}
		for rows.Next() {
			var src, dst int64
			if err := rows.Scan(&src, &dst); err != nil {
				rows.Close()
				return s.wrap("list "+m.name+"."+f.Name, err)
			}
			if r, ok := byID[src]; ok {
				r[f.Name] = append(r[f.Name].([]int64), dst)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.wrap("list "+m.name+"."+f.Name, err)
		}
	}
	return nil
}

// setManyToMany replaces the targets of the row's many-to-many fields
// present in r (Django's related manager set()).
func (s *store) setManyToMany(ctx context.Context, m *Model, id int64, r Row) error {
	for _, f := range m.ManyToMany() {
		v, present := r[f.Name]
		if !present {
			continue
		}
		ids, err := idList(v)
		if err != nil {
			return fmt.Errorf("orm: %s.%s: %w", m.name, f.Name, err)
		}
		table, from, to := m.JoinTable(f)
		if _, err := s.q.ExecContext(ctx, "DELETE FROM "+quoteIdent(table)+" WHERE "+quoteIdent(from)+" = "+s.d.placeholder(1), id); err != nil {
			return s.wrap("set "+m.name+"."+f.Name, err)
		}
		for _, target := range ids {
			q := "INSERT INTO " + quoteIdent(table) + " (" + quoteIdent(from) + ", " + quoteIdent(to) + ") VALUES (" + s.d.placeholder(1) + ", " + s.d.placeholder(2) + ")"
			if _, err := s.q.ExecContext(ctx, q, id, target); err != nil {
				return s.wrap("set "+m.name+"."+f.Name, err)
			}
		}
	}
	return nil
}

// hasManyToMany reports whether r sets a many-to-many field of m.
func hasManyToMany(m *Model, r Row) bool {
	for _, f := range m.ManyToMany() {
		if _, ok := r[f.Name]; ok {
			return true
		}
	}
	return false
}

func (s *store) Get(ctx context.Context, m *Model, id int64) (Row, error) {
	if err := s.ready(m); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, m, s.selectSQL(m)+` WHERE "id" = `+s.d.placeholder(1), []any{id})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s id %d", ErrNotFound, m.name, id)
	}
	return rows[0], nil
}

// values checks r against m and returns the columns and arguments to
// write: every field for an insert, the fields present for an update.
func (s *store) values(m *Model, r Row, insert bool) (cols []string, args []any, err error) {
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := m.index[k]; !ok {
			return nil, nil, fmt.Errorf("unknown field %q", k)
		}
		if k == "id" {
			return nil, nil, errors.New(`"id" is assigned by the database and cannot be written`)
		}
	}
	for _, f := range m.columns()[1:] {
		v, present := r[f.Name]
		switch {
		case present:
			if v, err = normalize(f, v); err != nil {
				return nil, nil, fmt.Errorf("field %s: %w", f.Name, err)
			}
		case !insert:
			continue
		case f.HasDefault:
			v = f.Default
		case f.Null:
			v = nil
		case f.Type.isString():
			v = "" // Django's get_default() for text fields without one
		default:
			return nil, nil, fmt.Errorf("field %s has no value and no default", f.Name)
		}
		if v == nil && !f.Null {
			return nil, nil, fmt.Errorf("field %s is not nullable", f.Name)
		}
		cols = append(cols, quoteIdent(f.Column()))
		args = append(args, s.d.encode(f, v))
	}
	return cols, args, nil
}

func (s *store) Insert(ctx context.Context, m *Model, r Row) (int64, error) {
	if err := s.ready(m); err != nil {
		return 0, err
	}
	if hasManyToMany(m, r) {
		// The row, then its many-to-many pairs, atomically.
		var id int64
		err := s.InTx(ctx, func(tx Store) error {
			ts := tx.(*store)
			var err error
			if id, err = ts.insertRow(ctx, m, r); err != nil {
				return err
			}
			return ts.setManyToMany(ctx, m, id, r)
		})
		return id, err
	}
	return s.insertRow(ctx, m, r)
}

func (s *store) insertRow(ctx context.Context, m *Model, r Row) (int64, error) {
	cols, args, err := s.values(m, r, true)
	if err != nil {
		return 0, fmt.Errorf("orm: insert %s: %w", m.name, err)
	}
	q := "INSERT INTO " + quoteIdent(m.table)
	if len(cols) == 0 {
		q += " DEFAULT VALUES"
	} else {
		phs := make([]string, len(cols))
		for i := range phs {
			phs[i] = s.d.placeholder(i + 1)
		}
		q += " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(phs, ", ") + ")"
	}
	var id int64
	if err := s.q.QueryRowContext(ctx, q+` RETURNING "id"`, args...).Scan(&id); err != nil {
		return 0, s.wrap("insert "+m.name, err)
	}
	return id, nil
}

func (s *store) Update(ctx context.Context, m *Model, id int64, r Row) error {
	if err := s.ready(m); err != nil {
		return err
	}
	if hasManyToMany(m, r) {
		return s.InTx(ctx, func(tx Store) error {
			ts := tx.(*store)
			if err := ts.updateRow(ctx, m, id, r); err != nil {
				return err
			}
			return ts.setManyToMany(ctx, m, id, r)
		})
	}
	return s.updateRow(ctx, m, id, r)
}

func (s *store) updateRow(ctx context.Context, m *Model, id int64, r Row) error {
	cols, args, err := s.values(m, r, false)
	if err != nil {
		return fmt.Errorf("orm: update %s id %d: %w", m.name, id, err)
	}
	if len(cols) == 0 {
		_, err := s.Get(ctx, m, id)
		return err
	}
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = c + " = " + s.d.placeholder(i+1)
	}
	args = append(args, id)
	q := "UPDATE " + quoteIdent(m.table) + " SET " + strings.Join(sets, ", ") +
		` WHERE "id" = ` + s.d.placeholder(len(args))
	return s.execOne(ctx, "update "+m.name, m, id, q, args)
}

func (s *store) Delete(ctx context.Context, m *Model, id int64) error {
	if err := s.ready(m); err != nil {
		return err
	}
	if len(m.registry.Load().referrers(m)) == 0 {
		return s.deleteCascade(ctx, m, id, map[*Model]map[int64]bool{})
	}
	// All of it or nothing, as Django's Collector deletes in a
	// transaction.
	return s.InTx(ctx, func(tx Store) error {
		return tx.(*store).deleteCascade(ctx, m, id, map[*Model]map[int64]bool{})
	})
}

// deleteCascade deletes the row and, first, as Django's on_delete=CASCADE
// does, the rows of registered models whose ForeignKey points at it and
// the many-to-many links to and from it. seen holds the rows being
// deleted, so that a cycle of references ends.
func (s *store) deleteCascade(ctx context.Context, m *Model, id int64, seen map[*Model]map[int64]bool) error {
	if seen[m] == nil {
		seen[m] = map[int64]bool{}
	}
	seen[m][id] = true
	for _, rel := range m.registry.Load().referrers(m) {
		if rel.field.Type == ManyToManyField {
			table, _, to := rel.model.JoinTable(rel.field)
			if _, err := s.q.ExecContext(ctx, "DELETE FROM "+quoteIdent(table)+" WHERE "+quoteIdent(to)+" = "+s.d.placeholder(1), id); err != nil {
				return s.wrap("delete "+m.name+" from "+rel.model.name+"."+rel.field.Name, err)
			}
			continue
		}
		var key any = id
		if target, ok := rel.field.Target(); ok {
			row, err := s.Get(ctx, m, id)
			if err != nil {
				return err
			}
			key = row[target.Name]
		}
		byKey, err := Where(rel.field.Name, key)
		if err != nil {
			return fmt.Errorf("orm: delete %s id %d: %w", m.name, id, err)
		}
		rows, err := s.List(ctx, rel.model, byKey)
		if err != nil {
			return fmt.Errorf("orm: delete %s id %d: %w", m.name, id, err)
		}
		for _, r := range rows {
			rid, _ := r["id"].(int64)
			if seen[rel.model][rid] {
				continue
			}
			if err := s.deleteCascade(ctx, rel.model, rid, seen); err != nil {
				return err
			}
		}
	}
	for _, f := range m.ManyToMany() {
		table, from, _ := m.JoinTable(f)
		if _, err := s.q.ExecContext(ctx, "DELETE FROM "+quoteIdent(table)+" WHERE "+quoteIdent(from)+" = "+s.d.placeholder(1), id); err != nil {
			return s.wrap("delete "+m.name+"."+f.Name, err)
		}
	}
	q := "DELETE FROM " + quoteIdent(m.table) + ` WHERE "id" = ` + s.d.placeholder(1)
	return s.execOne(ctx, "delete "+m.name, m, id, q, []any{id})
}

// execOne runs a statement that must touch exactly the row with the id.
func (s *store) execOne(ctx context.Context, op string, m *Model, id int64, q string, args []any) error {
	res, err := s.q.ExecContext(ctx, q, args...)
	if err != nil {
		return s.wrap(op+" id "+strconv.FormatInt(id, 10), err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return s.wrap(op, err)
	}
	if n == 0 {
		return fmt.Errorf("orm: %s: %w: %s id %d", op, ErrNotFound, m.name, id)
	}
	return nil
}

func (s *store) Exists(ctx context.Context, m *Model, filter Filter, excludeID int64) (bool, error) {
	if err := s.ready(m); err != nil {
		return false, err
	}
	var args []any
	where, err := filter.whereSQL(m, s.d, &args)
	if err != nil {
		return false, err
	}
	if excludeID != 0 {
		args = append(args, excludeID)
		cond := `"id" <> ` + s.d.placeholder(len(args))
		if where == "" {
			where = " WHERE " + cond
		} else {
			where += " AND " + cond
		}
	}
	var one int
	err = s.q.QueryRowContext(ctx, "SELECT 1 FROM "+quoteIdent(m.table)+where+" LIMIT 1", args...).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, s.wrap("exists "+m.name, err)
	}
	return true, nil
}

func (s *store) InTx(ctx context.Context, fn func(Store) error) (err error) {
	if s.q == nil || s.d == nil {
		return errors.New("orm: use of a zero DB (open one with OpenSQLite, OpenMemory or OpenPostgres)")
	}
	if s.db == nil {
		return s.savepoint(ctx, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("begin", err)
	}
	done := false
	defer func() {
		if !done { // fn failed or panicked
			tx.Rollback()
		}
	}()
	if err := fn(&store{q: tx, d: s.d, spSeq: s.spSeq}); err != nil {
		return err
	}
	done = true
	if err := tx.Commit(); err != nil {
		return s.wrap("commit", err)
	}
	return nil
}

func (s *store) savepoint(ctx context.Context, fn func(Store) error) error {
	name := "formwork_sp_" + strconv.FormatInt(s.spSeq.Add(1), 10)
	if _, err := s.q.ExecContext(ctx, "SAVEPOINT "+name); err != nil {
		return s.wrap("savepoint", err)
	}
	done := false
	defer func() {
		if !done {
			// Rolling back to a savepoint keeps it; release it too.
			s.q.ExecContext(context.WithoutCancel(ctx), "ROLLBACK TO SAVEPOINT "+name)
			s.q.ExecContext(context.WithoutCancel(ctx), "RELEASE SAVEPOINT "+name)
		}
	}()
	if err := fn(&store{q: s.q, d: s.d, spSeq: s.spSeq}); err != nil {
		return err
	}
	done = true
	if _, err := s.q.ExecContext(ctx, "RELEASE SAVEPOINT "+name); err != nil {
		return s.wrap("release savepoint", err)
	}
	return nil
}
