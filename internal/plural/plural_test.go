package plural

import (
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	arabic := "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5"
	tests := []struct {
		expr string
		n    int64
		want int64
	}{
		{"(n != 1)", 1, 0},
		{"(n != 1)", 0, 1},
		{"(n > 1)", 0, 0},
		{"0", 7, 0},
		{arabic, 0, 0},
		{arabic, 1, 1},
		{arabic, 2, 2},
		{arabic, 103, 3},
		{arabic, 111, 4},
		{arabic, 100, 5},
		{"(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 22, 1},
		{"(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 12, 2},
		{"!(n == 1)", 1, 0},
		{"n / 2 * 2 == n", 4, 1},
		{"n - 1 + 2", 3, 4},
		{"n % 0", 3, 0},
		{"n / 0", 3, 0},
		{"n % 10", -3, 7}, // Python's floor modulo
	}
	for _, tt := range tests {
		e, err := Parse(tt.expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.expr, err)
			continue
		}
		if got := e.Eval(tt.n); got != tt.want {
			t.Errorf("%q for %d = %d, want %d", tt.expr, tt.n, got, tt.want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, bad := range []string{
		"", "n ==", "(n", "n)", "n ? 1", "x", "n; import os", "n == 1 ? 0 : ", "99999999999999999999",
		strings.Repeat("(", 100) + "n" + strings.Repeat(")", 100),
		strings.Repeat("!", 100) + "n",
	} {
		if e, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", bad, e)
		}
	}
}

func TestParseHeader(t *testing.T) {
	h, err := ParseHeader("nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);")
	if err != nil {
		t.Fatal(err)
	}
	if h.N != 3 || h.Expr.Eval(3) != 1 || h.Expr.Eval(5) != 2 {
		t.Errorf("got %+v", h)
	}
	for _, bad := range []string{"", "nplurals=2;", "plural=n;", "nplurals=x; plural=n;", "nplurals=2; plural=n+;"} {
		if _, err := ParseHeader(bad); err == nil {
			t.Errorf("ParseHeader(%q) accepted", bad)
		}
	}
}

func TestGo(t *testing.T) {
	e, err := Parse("n%10==1 && !(n%100==11) ? 0 : 1")
	if err != nil {
		t.Fatal(err)
	}
	want := "plural.Choose(((plural.Mod(n, 10) == 1) && !(plural.Mod(n, 100) == 11)), 0, 1)"
	if got := e.Go(); got != want {
		t.Errorf("Go() = %s\nwant %s", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("n==0 ? 0 : n==1 ? 1 : 2")
	f.Add("(n%10==1 && n%100!=11)")
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			return
		}
		for _, n := range []int64{0, 1, 2, 11, 101, -1} {
			e.Eval(n)
		}
		_ = e.Go()
	})
}
