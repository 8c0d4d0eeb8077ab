package forms_test

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/formwork/formwork/forms"
	"github.com/formwork/formwork/widgets"
)

type typedContact struct {
	Name    string          `formwork:"name,max_length=40,label='Your name, in full'"`
	Email   string          `formwork:"email,type=EmailField"`
	Topic   string          `formwork:"topic,type=ChoiceField,choices=q:Question|b:Bug,widget=RadioSelect"`
	Message string          `formwork:",widget=Textarea,optional"`
	Copies  int8            `formwork:"copies,optional"`
	Price   decimal.Decimal `formwork:"amount,optional,max_digits=5,decimal_places=2"`
	Step    int             `formwork:"step,optional,step_size=5,initial=10"`
	Ratio   float32         `formwork:"ratio,optional"`
	When    time.Time       `formwork:"when,type=DateField,optional"`
	Agree   bool            `formwork:"agree,optional"`
	Maybe   *bool           `formwork:"maybe"`
	Age     *int            `formwork:"age,optional"`
	Tags    []string        `formwork:"tags,choices=a|b|c,optional"`
	Doc     *widgets.UploadedFile
	Skip    string `formwork:"-"`
	skip    string
}

func TestFor(t *testing.T) {
	d, err := forms.For[typedContact]()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, nf := range d.Fields {
		names = append(names, fmt.Sprintf("%s:%T", nf.Name, nf.Field))
	}
	want := "[name:*forms.CharField email:*forms.EmailField topic:*forms.ChoiceField message:*forms.CharField copies:*forms.IntegerField amount:*forms.DecimalField step:*forms.IntegerField ratio:*forms.FloatField when:*forms.DateField agree:*forms.BooleanField maybe:*forms.NullBooleanField age:*forms.IntegerField tags:*forms.MultipleChoiceField doc:*forms.FileField]"
	if fmt.Sprint(names) != want {
		t.Fatalf("fields %v\nwant %s", names, want)
	}
	if l := d.Field("name").Core().Label; l != "Your name, in full" {
		t.Errorf("label %q", l)
	}
	h, err := d.New(forms.Options{}).AsP()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`name="copies" min="-128" max="127"`, // an int8 holds no more
		`name="step" value="10" step="5"`,
		`name="doc" required`, // required unless tagged optional
	} {
		if !strings.Contains(string(h), s) {
			t.Errorf("html lacks %s:\n%s", s, h)
		}
	}
	base := url.Values{"name": {"Ann"}, "email": {"ann@example.com"}, "topic": {"b"}, "maybe": {"unknown"}}
	with := func(kv ...string) url.Values {
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
	files := widgets.Files{"doc": {{Name: "a.txt", Size: 3}}}
	tests := []struct {
		name   string
		data   url.Values
		check  func(t *testing.T, c typedContact)
		errors string
	}{
		{"full", with("message", "Hi", "copies", "3", "amount", "1.50", "step", "15", "ratio", "0.5", "when", "2024-05-06",
			"agree", "on", "maybe", "true", "age", "30", "tags", "a", "tags", "c"), func(t *testing.T, c typedContact) {
			got := fmt.Sprintf("%s|%s|%s|%s|%d|%s|%d|%g|%s|%t|%t|%d|%v|%s", c.Name, c.Email, c.Topic, c.Message, c.Copies, c.Price,
				c.Step, c.Ratio, c.When.Format(time.DateOnly), c.Agree, *c.Maybe, *c.Age, c.Tags, c.Doc.Name)
			if want := "Ann|ann@example.com|b|Hi|3|1.5|15|0.5|2024-05-06|true|true|30|[a c]|a.txt"; got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			if c.Price.String() != "1.5" || c.Price.StringFixed(2) != "1.50" {
				t.Errorf("price %s", c.Price)
			}
		}, ""},
		{"optional empty", base, func(t *testing.T, c typedContact) {
			if c.Age != nil || c.Maybe != nil || c.Copies != 0 || len(c.Tags) != 0 {
				t.Errorf("empty optional fields: %+v", c)
			}
		}, ""},
		{"invalid", url.Values{"email": {"x"}}, nil, "[name email topic]"},
		{"beyond the Go type", with("copies", "300", "age", "99999999999999999999"), nil, "[copies age]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := d.Bind(tt.data, files, forms.Options{})
			c, ok := f.Valid()
			if tt.errors != "" {
				if ok {
					t.Fatalf("valid, want errors %s", tt.errors)
				}
				if got := fmt.Sprint(f.Errors().Keys()); got != tt.errors {
					t.Errorf("errors %s, want %s", got, tt.errors)
				}
				if _, err := f.Value(); err == nil || !strings.Contains(err.Error(), "not valid") {
					t.Errorf("Value of an invalid form: %v", err)
				}
				return
			}
			if !ok {
				t.Fatalf("not valid: %v", f.Errors().Keys())
			}
			tt.check(t, c)
		})
	}
	f := d.Bind(with("age", "99999999999999999999"), files, forms.Options{})
	if got := f.Errors().Get("age").Messages(); fmt.Sprint(got) != "[Ensure this value is less than or equal to 9223372036854775807.]" {
		t.Errorf("age beyond int: %v", got)
	}
}

// TestForMistakes: a tag mistake names the struct field and the setting.
func TestForMistakes(t *testing.T) {
	check := func(t *testing.T, err error, want string) {
		t.Helper()
		if err == nil || err.Error() != want {
			t.Errorf("err %v\nwant %s", err, want)
		}
	}
	_, err := forms.For[int]()
	check(t, err, "forms: For needs a struct type, got int")
	_, err = forms.For[struct {
		A string `formwork:"a,type=NoSuchField"`
	}]()
	check(t, err, `forms: .A: tag setting type=NoSuchField: unknown field type "NoSuchField"`)
	type S1 struct {
		A string `formwork:"a,max_length=x"`
	}
	_, err = forms.For[S1]()
	check(t, err, `forms: S1.A: tag setting max_length=x: want a length, got "x"`)
	type S2 struct {
		A int `formwork:"a,max_length=3"`
	}
	_, err = forms.For[S2]()
	check(t, err, `forms: S2.A: tag setting max_length=3: unknown setting "max_length" for an IntegerField`)
	type S3 struct {
		A string `formwork:"a,colour=red"`
	}
	_, err = forms.For[S3]()
	check(t, err, `forms: S3.A: tag setting colour=red: unknown setting "colour" for a CharField`)
	type S4 struct{ A chan int }
	_, err = forms.For[S4]()
	check(t, err, "forms: S4.A: no default field type for Go type chan int: name one with type=")
	type S5 struct {
		A string `formwork:"a,widget=Fancy"`
	}
	_, err = forms.For[S5]()
	check(t, err, `forms: S5.A: tag setting widget=Fancy: unknown widget "Fancy"`)
	type S6 struct {
		A string `formwork:"a,type=IntegerField"`
	}
	_, err = forms.For[S6]()
	check(t, err, "forms: S6.A: an IntegerField cleans to a value a string cannot hold")
	type S7 struct {
		A int `formwork:"a,step_size=-2"`
	}
	_, err = forms.For[S7]()
	check(t, err, "forms: S7.A: StepSize is -2; want a positive step, or 0 for none")
	type S8 struct {
		A int `formwork:"n"`
		B int `formwork:"n"`
	}
	_, err = forms.For[S8]()
	check(t, err, `forms: S8: forms: field "n" is declared twice (fields 0 and 1)`)
	type S9 struct {
		A string `formwork:"a,type=RegexField,regex=("`
	}
	if _, err = forms.For[S9](); err == nil || !strings.HasPrefix(err.Error(), `forms: S9.A: Regex "(" does not compile`) {
		t.Errorf("bad regex: %v", err)
	}
	type S10 struct {
		A int `formwork:"a,initial=ten"`
	}
	_, err = forms.For[S10]()
	check(t, err, "forms: S10.A: tag setting initial=ten: not a value of the field: Enter a whole number.")
}

func TestCleaned(t *testing.T) {
	d := forms.MustDeclare(
		forms.Named("name", &forms.CharField{}),
		forms.Named("n", &forms.IntegerField{}),
		forms.Named("opt", &forms.IntegerField{FieldCore: forms.FieldCore{Optional: true}}),
	)
	f := d.Bind(url.Values{"name": {"Ann"}, "n": {"99999999999999999999"}}, nil, forms.Options{})
	if s, ok := forms.Cleaned[string](f, "name"); !ok || s != "Ann" {
		t.Errorf("name %q %v", s, ok)
	}
	// Beyond int64 an IntegerField cleans to a decimal.Decimal.
	if _, ok := forms.Cleaned[int64](f, "n"); ok {
		t.Error("Cleaned[int64] of a number beyond int64 reported ok")
	}
	if n, ok := forms.Cleaned[decimal.Decimal](f, "n"); !ok || n.String() != "99999999999999999999" {
		t.Errorf("Cleaned[decimal.Decimal] %s %v", n, ok)
	}
	if _, ok := forms.Cleaned[int64](f, "opt"); ok {
		t.Error("an empty optional field reported ok")
	}
	if _, ok := forms.Cleaned[int](f, "n"); ok {
		t.Error("wrong type reported ok")
	}
	if _, ok := forms.Cleaned[string](f, "missing"); ok {
		t.Error("missing field reported ok")
	}
	if _, ok := forms.Cleaned[string](nil, "name"); ok {
		t.Error("nil form reported ok")
	}
	g := d.Bind(url.Values{"name": {"Bo"}, "n": {"12"}}, nil, forms.Options{})
	if n, ok := forms.Cleaned[int64](g, "n"); !ok || n != 12 {
		t.Errorf("n %d %v", n, ok)
	}
}

type signupForm struct {
	Name  string `formwork:"name,max_length=20"`
	Email string `formwork:"email,type=EmailField"`
	Age   int    `formwork:"age,min_value=18,optional"`
}

var signupTyped = forms.MustFor[signupForm]()

func TestForTypedChoice(t *testing.T) {
	type Pick struct {
		Size  int       `formwork:"size,type=TypedChoiceField,coerce=int,choices=1:S|2:M|3:L"`
		Level *int      `formwork:"level,type=TypedChoiceField,coerce=int,choices=1:Low|2:High,optional"`
		Note  *string   `formwork:"note,optional"`
		Days  []int     `formwork:"days,type=TypedMultipleChoiceField,coerce=int,choices=1:Mon|2:Tue|3:Wed,optional,initial=1|3"`
		When  time.Time `formwork:"when,type=SplitDateTimeField,optional,initial=2024-05-06 10:30"`
	}
	d, err := forms.For[Pick]()
	if err != nil {
		t.Fatal(err)
	}
	p, ok := d.Bind(url.Values{"size": {"2"}}, nil, forms.Options{}).Valid()
	if !ok || p.Size != 2 || p.Level != nil || p.Note != nil {
		t.Errorf("got %+v %v", p, ok)
	}
	p, ok = d.Bind(url.Values{"size": {"3"}, "level": {"1"}, "note": {" hi "}, "days": {"1", "3"},
		"when_0": {"2024-05-06"}, "when_1": {"10:30"}}, nil, forms.Options{}).Valid()
	if !ok || p.Size != 3 || p.Level == nil || *p.Level != 1 || p.Note == nil || *p.Note != "hi" ||
		fmt.Sprint(p.Days) != "[1 3]" || !p.When.Equal(time.Date(2024, 5, 6, 10, 30, 0, 0, time.UTC)) {
		t.Errorf("got %+v %v", p, ok)
	}
	h, err := d.New(forms.Options{}).AsP()
	if err != nil || !strings.Contains(string(h), `value="1" id="id_days_0" checked`) && !strings.Contains(string(h), `<option value="1" selected>`) ||
		!strings.Contains(string(h), `name="when_0" value="2024-05-06"`) {
		t.Errorf("initial values not shown: %s %v", h, err)
	}
	if f := d.Bind(url.Values{"size": {"4"}}, nil, forms.Options{}); !f.HasError("size", "invalid_choice") {
		t.Errorf("size 4: %v", f.Errors().Keys())
	}
	type Bad struct {
		Size string `formwork:"size,type=TypedChoiceField,coerce=int,choices=1:S"`
	}
	if _, err := forms.For[Bad](); err == nil || err.Error() != "forms: Bad.Size: a TypedChoiceField cleans to a value a string cannot hold" {
		t.Errorf("err %v", err)
	}
}

// TestTypedConcurrent: one Typed declaration serves many goroutines.
func TestTypedConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := signupTyped.Bind(url.Values{"name": {fmt.Sprint("n", i)}, "email": {"a@example.com"}, "age": {fmt.Sprint(18 + i)}}, nil, forms.Options{})
			s, ok := f.Valid()
			if _, err := f.HTML(); err != nil || !ok || s.Age != 18+i || s.Name != fmt.Sprint("n", i) {
				errs <- fmt.Sprintf("goroutine %d: %+v %v %v", i, s, ok, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestTypedNewFrom(t *testing.T) {
	f := signupTyped.NewFrom(signupForm{Name: "Ann", Email: "ann@example.com", Age: 30}, forms.Options{Initial: map[string]any{"email": "other@example.com"}})
	h, err := f.HTML()
	for _, want := range []string{`name="name" value="Ann"`, `name="email" value="other@example.com"`, `name="age" value="30"`} {
		if err != nil || !strings.Contains(string(h), want) {
			t.Errorf("html lacks %s: %s %v", want, h, err)
		}
	}
	if f.IsBound() {
		t.Error("NewFrom bound the form")
	}
	// Initial values are the unchanged state: posting them back changes nothing.
	b := signupTyped.Bind(url.Values{"name": {"Ann"}, "email": {"other@example.com"}, "age": {"30"}}, nil,
		forms.Options{Initial: map[string]any{"name": "Ann", "email": "other@example.com", "age": 30}})
	if b.HasChanged() {
		t.Errorf("changed: %v", b.ChangedData())
	}
}
