package main

import (
	"go/parser"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

const samplePO = `# Translators:
msgid ""
msgstr ""
"Language: xx\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);\n"

#: core/validators.py:1
msgid "Enter a valid value."
msgstr "Valeur \"valide\", "
"s'il vous plaît."

#, fuzzy
msgid "Enter a number."
msgstr "Un nombre."

msgid "Untranslated."
msgstr ""

#, python-format
msgid "Ensure this value has at least %(limit_value)d character (it has "
"%(show_value)d)."
msgid_plural ""
"Ensure this value has at least %(limit_value)d characters (it has "
"%(show_value)d)."
msgstr[0] "un"
msgstr[1] "peu"
msgstr[2] "beaucoup"

msgctxt "abbrev. month"
msgid "Jan."
msgstr "janv."
`

func TestReadPO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "django.po")
	if err := os.WriteFile(path, []byte(samplePO), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := readPO(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Header["Plural-Forms"]; got != "nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);" {
		t.Errorf("Plural-Forms = %q", got)
	}
	want := []poEntry{
		{ID: "", Str: []string{"Language: xx\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n>=2 && n<=4 ? 1 : 2);\n"}},
		{ID: "Enter a valid value.", Str: []string{`Valeur "valide", s'il vous plaît.`}},
		{ID: "Enter a number.", Str: []string{"Un nombre."}, Fuzzy: true},
		{ID: "Untranslated.", Str: []string{""}},
		{ID: "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
			IDPlural: "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
			Str:      []string{"un", "peu", "beaucoup"}},
		{Context: "abbrev. month", ID: "Jan.", Str: []string{"janv."}},
	}
	if len(f.Entries) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(f.Entries), len(want), f.Entries)
	}
	for i, e := range f.Entries {
		if !reflect.DeepEqual(*e, want[i]) {
			t.Errorf("entry %d = %+v\nwant %+v", i, *e, want[i])
		}
	}
	translated := []bool{true, true, false, false, true, true}
	for i, e := range f.Entries {
		if e.translated() != translated[i] {
			t.Errorf("entry %d (%q): translated %v", i, e.ID, e.translated())
		}
	}
}

func TestReadPOErrors(t *testing.T) {
	for _, bad := range []string{
		"\"dangling\"\n",
		"msgid \"a\"\nmsgstr[1] \"b\"\n",
		"msgid \"a\"\nbogus \"b\"\n",
		"msgid \"a\nmsgstr \"b\"\n",
	} {
		path := filepath.Join(t.TempDir(), "bad.po")
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readPO(path); err == nil {
			t.Errorf("readPO(%q) accepted", bad)
		}
	}
}

func TestConstString(t *testing.T) {
	e, err := parser.ParseExpr(`"Enter a " + ("valid " + ` + "`value.`" + `)`)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := constString(e); !ok || s != "Enter a valid value." {
		t.Errorf("constString = %q, %v", s, ok)
	}
	e, _ = parser.ParseExpr(`"a" + x`)
	if _, ok := constString(e); ok {
		t.Error("a concatenation with a variable is not a constant")
	}
}
