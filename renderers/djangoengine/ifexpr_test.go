package djangoengine_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/renderers/djangoengine"
)

// Django's {% if %} compares as Python does, with Django's precedence;
// number literals and numeric lookups read as Django reads them. Each
// want is what the reference Django printed for the same template and
// context.
func TestDjangoIfComparisons(t *testing.T) {
	ctx := renderers.Context{
		"n": 5, "s": "abc", "price": decimal.RequireFromString("2.50"), "list": []any{"x", "y"},
		"other": []any{"x", "y"}, "safe": renderers.Safe("<b>"), "none": nil,
	}
	tests := []struct{ tpl, want string }{
		{`{% if "b" > "a" %}y{% else %}n{% endif %}`, "y"},
		{`{% if "10" > "9" %}y{% else %}n{% endif %}`, "n"},
		{`{% if "5" > 3 %}y{% else %}n{% endif %}`, "n"},
		{`{% if missing > -1 %}y{% else %}n{% endif %}`, "n"},
		{`{% if none <= 0 %}y{% else %}n{% endif %}`, "n"},
		{`{% if 1 == 1.0 %}y{% else %}n{% endif %}`, "y"},
		{`{% if 1 != 1.0 %}y{% else %}n{% endif %}`, "n"},
		{`{% if price > 2 %}y{% else %}n{% endif %}`, "y"},
		{`{% if price == 2.5 %}y{% else %}n{% endif %}`, "y"},
		{`{% if price >= 2.51 %}y{% else %}n{% endif %}`, "n"},
		{`{% if True > 0 %}y{% else %}n{% endif %}`, "y"},
		{`{% if not missing > 1 %}y{% else %}n{% endif %}`, "y"},
		{`{% if not n > 1 %}y{% else %}n{% endif %}`, "n"},
		{`{% if n > 1 and n < 9 %}y{% else %}n{% endif %}`, "y"},
		{`{% if missing > 2 or n == 5 %}y{% else %}n{% endif %}`, "y"},
		{`{% if 1 < 2 < 3 %}y{% else %}n{% endif %}`, "y"},
		{`{% if list == other %}y{% else %}n{% endif %}`, "y"},
		{`{% if safe == "<b>" %}y{% else %}n{% endif %}`, "y"},
		{`{% if s|length >= 3 %}y{% else %}n{% endif %}`, "y"},
		{`{% if s|upper == "ABC" %}y{% else %}n{% endif %}`, "y"},
		{`{% if "b" in s %}y{% else %}n{% endif %}`, "y"},
		{`{% if 1 in s %}y{% else %}n{% endif %}`, "n"},
		{`{% if 1 not in n %}y{% else %}n{% endif %}`, "n"},
		{`{% if "z" not in list %}y{% else %}n{% endif %}`, "y"},
		{`{% if n > 9 %}a{% elif n > -1 %}b{% endif %}`, "b"},
		{`{% if n > 1 %}{{ "a > b" }}{% endif %}`, "a > b"},
		{`{{ n|add:-2 }}|{{ n|add:.5 }}|{{ 1.5|add:-0.5 }}|{{ 3.14159|floatformat:-2 }}`, "3|5|1|3.14"},
		{`{{ list.0 }}{{ list.1|upper }}{{ list.5 }}|{{ "x.0" }}`, "xY|x.0"},
	}
	for _, tt := range tests {
		r := &renderers.DjangoTemplates{Overlay: fstest.MapFS{"t.html": {Data: []byte(tt.tpl)}}}
		var b strings.Builder
		if err := r.Render(&b, "t.html", ctx); err != nil {
			t.Errorf("%s: %v", tt.tpl, err)
			continue
		}
		if b.String() != tt.want {
			t.Errorf("%s = %q, want %q", tt.tpl, b.String(), tt.want)
		}
	}
}

// A condition without comparisons is pongo2's own; one Django would refuse
// is left for pongo2 to report.
func TestTranslateConditions(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{% if a and not b %}`, `{% if a and not b %}`},
		{`{% if a > 1 %}`, `{% if _fw_cmp(a, ">", 1) %}`},
		{`{% if not a > 1 %}`, `{% if (not _fw_cmp(a, ">", 1)) %}`},
		{`{% if a == "x y" or b in c %}`, `{% if (_fw_cmp(a, "==", "x y") or _fw_in(b, c, false)) %}`},
		{`{% if a not in b %}`, `{% if _fw_in(a, b, true) %}`},
		{`{% if a > -1.5e2 %}`, `{% if _fw_cmp(a, ">", _fw_num("-1.5e2")) %}`},
		{`{% if a > %}`, `{% if a > %}`},
		{`{% if > a %}`, `{% if > a %}`},
		{`{{ x|add:-2 }}`, `{{ x|add:_fw_num(_fw_lit("-2")) }}`}, // a literal of {{ }} is safe
		{`{{ x.errors.0 }}`, `{{ x.errors|fw_index:0 }}`},
		{`{{ x.0.name }}{{ 3.14 }}`, `{{ x.0.name }}{{ 3.14 }}`},
	}
	for _, tt := range tests {
		if got := djangoengine.Translate(tt.in); got != tt.want {
			t.Errorf("Translate(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
