// Package peer is the stack a Go developer would otherwise pick for the
// benchmarks' contact form: gorilla/schema decodes the POST into a
// struct, go-playground/validator checks it, and a hand-written
// html/template renders the form with its errors in the markup of
// Django's div style. It is a module of its own so that formwork does
// not depend on it; benchmarks/run.sh times it beside formwork.
package peer

import (
	"bytes"
	"html/template"
	"net/url"
	"strconv"

	"github.com/go-playground/validator/v10"
	"github.com/gorilla/schema"
)

// Contact is the contact form of benchmarks/testdata/cases/contact_invalid_div.json.
type Contact struct {
	Name    string `schema:"name" validate:"required,max=40"`
	Email   string `schema:"email" validate:"required,email,max=320"`
	Topic   string `schema:"topic" validate:"required,oneof=q b"`
	Message string `schema:"message" validate:"required"`
	Copies  string `schema:"copies" validate:"omitempty,number"`
	Token   string `schema:"token"`
}

var (
	decoder  = schema.NewDecoder()
	validate = validator.New(validator.WithRequiredStructEnabled())
)

// field is one row of the template.
type field struct {
	Label, ID, Name, Type, Value, Help string
	Error                              string
	Attrs                              template.HTMLAttr
	Radio                              bool
	Textarea                           bool
	Choices                            []choice
}

type choice struct{ Value, Label, ID string }

type page struct {
	Fields []field
	Token  string
}

var messages = map[string]string{
	"required": "This field is required.",
	"email":    "Enter a valid email address.",
	"max":      "Ensure this value has at most 40 characters.",
	"number":   "Enter a whole number.",
}

// Cycle decodes, validates and renders one submission.
func Cycle(data url.Values) (string, error) {
	var c Contact
	decoder.IgnoreUnknownKeys(true)
	if err := decoder.Decode(&c, data); err != nil {
		return "", err
	}
	errs := map[string]string{}
	if err := validate.Struct(&c); err != nil {
		if ve, ok := err.(validator.ValidationErrors); ok {
			for _, fe := range ve {
				msg := messages[fe.Tag()]
				if fe.Tag() == "oneof" {
					msg = "Select a valid choice. " + fe.Value().(string) + " is not one of the available choices."
				}
				errs[fe.Field()] = msg
			}
		}
	}
	if c.Copies != "" {
		if n, err := strconv.Atoi(c.Copies); err == nil && n%2 != 0 {
			errs["Copies"] = "Ensure this value is a multiple of step size 2."
		} else if err == nil && n < 0 {
			errs["Copies"] = "Ensure this value is greater than or equal to 0."
		}
	}
	return Render(&c, errs)
}

// Render renders the form with its errors.
func Render(c *Contact, errs map[string]string) (string, error) {
	p := page{Token: c.Token, Fields: []field{
		{Label: "Name", ID: "id_name", Name: "name", Type: "text", Value: c.Name, Help: "As on your card", Error: errs["Name"], Attrs: `maxlength="40" required`},
		{Label: "Email", ID: "id_email", Name: "email", Type: "email", Value: c.Email, Error: errs["Email"], Attrs: `maxlength="320" required`},
		{Label: "Topic", ID: "id_topic", Name: "topic", Radio: true, Value: c.Topic, Error: errs["Topic"], Choices: []choice{{"q", "Question", "id_topic_0"}, {"b", "Bug", "id_topic_1"}}},
		{Label: "Message", ID: "id_message", Name: "message", Textarea: true, Value: c.Message, Error: errs["Message"]},
		{Label: "Copies", ID: "id_copies", Name: "copies", Type: "number", Value: c.Copies, Error: errs["Copies"], Attrs: `min="0" step="2"`},
	}}
	var b bytes.Buffer
	if err := form.Execute(&b, p); err != nil {
		return "", err
	}
	return b.String(), nil
}

var form = template.Must(template.New("form").Parse(`{{range $i, $f := .Fields}}<div>
  {{if $f.Radio}}<fieldset><legend>{{$f.Label}}:</legend>{{else}}<label for="{{$f.ID}}">{{$f.Label}}:</label>{{end}}
  {{if $f.Help}}<div class="helptext">{{$f.Help}}</div>{{end}}
  {{if $f.Error}}<ul class="errorlist"><li>{{$f.Error}}</li></ul>{{end}}
  {{if $f.Radio}}<div id="{{$f.ID}}">{{range $f.Choices}}<div>
    <label for="{{.ID}}"><input type="radio" name="{{$f.Name}}" value="{{.Value}}" required id="{{.ID}}"{{if eq .Value $f.Value}} checked{{end}}>
 {{.Label}}</label>
</div>{{end}}
</div></fieldset>{{else if $f.Textarea}}<textarea name="{{$f.Name}}" cols="40" rows="10" required id="{{$f.ID}}">
{{$f.Value}}</textarea>{{else}}<input type="{{$f.Type}}" name="{{$f.Name}}"{{if $f.Value}} value="{{$f.Value}}"{{end}} {{$f.Attrs}} id="{{$f.ID}}">{{end}}
  {{if eq $i 4}}<input type="hidden" name="token" value="{{$.Token}}" id="id_token">{{end}}
</div>
{{end}}`))
