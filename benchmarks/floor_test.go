package benchmarks

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The floor: for each case, the same page written by hand with a
// strings.Builder, with the validation the case's fields need and no
// template engine, form machinery or reflection. It is what rendering
// would cost if nothing were generic, the yardstick of BenchmarkRender.

// floors maps a case name to its hand-written rendering of the case's
// first output from the case's bound data (nil when unbound).
var floors = map[string]func(data url.Values) string{
	"contact_invalid_div":       func(d url.Values) string { return floorContact(d, false) },
	"contact_invalid_jinja_div": func(d url.Values) string { return floorContact(d, true) },
	"contact_unbound_table":     floorContactTable,
	"select500_unbound_div":     floorSelect500,
	"wide30_valid_div":          floorWide30,
	"formset20_div":             floorFormset20,
}

// page is a builder with Django's escape() in one pass.
type page struct{ strings.Builder }

func (p *page) esc(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\'':
			rep = "&#x27;"
		default:
			continue
		}
		p.WriteString(s[last:i])
		p.WriteString(rep)
		last = i + 1
	}
	p.WriteString(s[last:])
}

func (p *page) s(parts ...string) {
	for _, x := range parts {
		p.WriteString(x)
	}
}

func (p *page) errors(msgs []string) {
	if len(msgs) == 0 {
		return
	}
	p.s(`<ul class="errorlist">`)
	for _, m := range msgs {
		p.s("<li>")
		p.esc(m)
		p.s("</li>")
	}
	p.s("</ul>")
}

// divRow writes one row of Django's div.html; widget writes the field.
func (p *page) divRow(first bool, label, id, help string, fieldset bool, errs []string, widget func(), hidden func()) {
	if !first {
		p.s("\n\n  ")
	}
	p.s("<div>\n    ")
	if fieldset {
		p.s("\n      <fieldset>\n      <legend>")
		p.esc(label)
		p.s(":</legend>\n    ")
	} else {
		p.s("\n      <label for=\"", id, "\">")
		p.esc(label)
		p.s(":</label>\n    ")
	}
	p.s("\n    ")
	if help != "" {
		p.s(`<div class="helptext">`, help, "</div>")
	}
	p.s("\n    ")
	p.errors(errs)
	p.s("\n    ")
	widget()
	p.s("\n    ")
	if fieldset {
		p.s("</fieldset>")
	}
	p.s("\n    ")
	if hidden != nil {
		p.s("\n      ")
		hidden()
		p.s("\n    ")
	}
	p.s("\n</div>")
}

// input writes an <input>; value is written when hasValue.
func (p *page) input(typ, name, value string, hasValue bool, extra, id string) {
	p.s(`<input type="`, typ, `" name="`, name, `"`)
	if hasValue {
		p.s(` value="`)
		p.esc(value)
		p.s(`"`)
	}
	p.s(extra, ` id="`, id, `">`)
}

func (p *page) textarea(name, value, extra, id string) {
	p.s(`<textarea name="`, name, `" cols="40" rows="10"`, extra, ` id="`, id, "\">\n")
	p.esc(value)
	p.s("</textarea>")
}

// choiceList writes a RadioSelect or CheckboxSelectMultiple; jinja drops
// the option templates' final newlines as Jinja does.
func (p *page) choiceList(typ, name, id, extra string, values, labels []string, checked func(string) bool, jinja bool) {
	p.s(`<div id="`, id, `">`)
	for i, v := range values {
		oid := id + "_" + strconv.Itoa(i)
		p.s("<div>\n    <label for=\"", oid, `"><input type="`, typ, `" name="`, name, `" value="`)
		p.esc(v)
		p.s(`"`, extra, ` id="`, oid, `"`)
		if checked(v) {
			p.s(" checked")
		}
		if jinja {
			p.s("> ")
			p.esc(labels[i])
			p.s("</label></div>")
		} else {
			p.s(">\n ")
			p.esc(labels[i])
			p.s("</label>\n\n</div>")
		}
	}
	p.s("\n</div>")
}

func (p *page) selectList(name, id string, values, labels []string, selected string) {
	p.s(`<select name="`, name, `" id="`, id, `">`)
	done := false
	for i, v := range values {
		p.s("\n  <option value=\"")
		p.esc(v)
		p.s(`"`)
		if !done && v == selected {
			p.s(" selected")
			done = true
		}
		p.s(">")
		p.esc(labels[i])
		p.s("</option>\n")
	}
	p.s("\n</select>")
}

const msgRequired = "This field is required."

func validEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || !strings.Contains(s[at:], ".") {
		return false
	}
	_, err := mail.ParseAddress(s)
	return err == nil
}

var (
	contactTopics      = []string{"q", "b"}
	contactTopicLabels = []string{"Question", "Bug"}
)

func oneOf(v string, list []string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func floorContact(d url.Values, jinja bool) string {
	var p page
	p.Grow(2048)
	name, email, topic := d.Get("name"), d.Get("email"), d.Get("topic")
	message, copies, token := d.Get("message"), d.Get("copies"), d.Get("token")
	var nameErr, emailErr, topicErr, msgErr, copiesErr []string
	switch {
	case strings.TrimSpace(name) == "":
		nameErr = []string{msgRequired}
	case len([]rune(name)) > 40:
		nameErr = []string{"Ensure this value has at most 40 characters."}
	}
	switch {
	case strings.TrimSpace(email) == "":
		emailErr = []string{msgRequired}
	case !validEmail(email):
		emailErr = []string{"Enter a valid email address."}
	}
	switch {
	case topic == "":
		topicErr = []string{msgRequired}
	case !oneOf(topic, contactTopics):
		topicErr = []string{"Select a valid choice. " + topic + " is not one of the available choices."}
	}
	if strings.TrimSpace(message) == "" {
		msgErr = []string{msgRequired}
	}
	if c := strings.TrimSpace(copies); c != "" {
		n, err := strconv.Atoi(c)
		switch {
		case err != nil:
			copiesErr = []string{"Enter a whole number."}
		case n < 0:
			copiesErr = []string{"Ensure this value is greater than or equal to 0."}
		case n%2 != 0:
			copiesErr = []string{"Ensure this value is a multiple of step size 2."}
		}
	}
	p.divRow(true, "Name", "id_name", "As on your card", false, nameErr, func() {
		p.input("text", "name", name, name != "", ` maxlength="40" required`, "id_name")
	}, nil)
	p.divRow(false, "Email", "id_email", "", false, emailErr, func() {
		p.input("email", "email", email, email != "", ` maxlength="320" required`, "id_email")
	}, nil)
	p.divRow(false, "Topic", "", "", true, topicErr, func() {
		p.choiceList("radio", "topic", "id_topic", " required", contactTopics, contactTopicLabels,
			func(v string) bool { return v == topic }, jinja)
	}, nil)
	p.divRow(false, "Message", "id_message", "", false, msgErr, func() {
		p.textarea("message", message, " required", "id_message")
	}, nil)
	p.divRow(false, "Copies", "id_copies", "", false, copiesErr, func() {
		p.input("number", "copies", copies, copies != "", ` min="0" step="2"`, "id_copies")
	}, func() {
		p.input("hidden", "token", token, token != "", "", "id_token")
	})
	return p.String()
}

// tableRow writes one row of Django's table.html.
func (p *page) tableRow(first bool, label, forID, help string, widget func(), hidden func()) {
	if !first {
		p.s("\n\n  ")
	}
	p.s("<tr>\n    <th><label")
	if forID != "" {
		p.s(` for="`, forID, `"`)
	}
	p.s(">")
	p.esc(label)
	p.s(":</label></th>\n    <td>\n      \n      ")
	widget()
	p.s("\n      ")
	if help != "" {
		p.s("\n        <br>\n        <span class=\"helptext\">", help, "</span>\n      ")
	}
	p.s("\n      ")
	if hidden != nil {
		p.s("\n        ")
		hidden()
		p.s("\n      ")
	}
	p.s("\n    </td>\n  </tr>")
}

func floorContactTable(url.Values) string {
	var p page
	p.Grow(2048)
	p.tableRow(true, "Name", "id_name", "As on your card", func() {
		p.input("text", "name", "", false, ` maxlength="40" required`, "id_name")
	}, nil)
	p.tableRow(false, "Email", "id_email", "", func() {
		p.input("email", "email", "", false, ` maxlength="320" required`, "id_email")
	}, nil)
	p.tableRow(false, "Topic", "", "", func() {
		p.choiceList("radio", "topic", "id_topic", " required", contactTopics, contactTopicLabels,
			func(string) bool { return false }, false)
	}, nil)
	p.tableRow(false, "Message", "id_message", "", func() {
		p.textarea("message", "", " required", "id_message")
	}, nil)
	p.tableRow(false, "Copies", "id_copies", "", func() {
		p.input("number", "copies", "", false, ` min="0" step="2"`, "id_copies")
	}, func() {
		p.input("hidden", "token", "", false, "", "id_token")
	})
	return p.String()
}

// The select500 case's 500 countries, as an application declares them
// once.
var countryValues, countryLabels = func() ([]string, []string) {
	v, l := make([]string, 500), make([]string, 500)
	for i := range v {
		v[i] = "c" + strconv.Itoa(i)
		l[i] = "Country " + strconv.Itoa(i)
	}
	return v, l
}()

func floorSelect500(url.Values) string {
	var p page
	p.Grow(32 << 10)
	p.divRow(true, "Country", "id_country", "", false, nil, func() {
		p.selectList("country", "id_country", countryValues, countryLabels, "")
	}, func() {})
	return p.String()
}

var (
	wideOptions = []string{"0", "1", "2", "3", "4", "5", "6", "7"}
	wideOptLbls = []string{"Option 0", "Option 1", "Option 2", "Option 3", "Option 4", "Option 5", "Option 6", "Option 7"}
	wideYesNo   = []string{"y", "n"}
	wideYNLbls  = []string{"Yes", "No"}
	wideTags    = []string{"0", "1", "2", "3", "4"}
	wideTagLbls = []string{"Tag 0", "Tag 1", "Tag 2", "Tag 3", "Tag 4"}
)

// floorWide30 renders thirty fields, ten kinds three times over; the
// data is valid, so validation finds no error to show.
func floorWide30(d url.Values) string {
	var p page
	p.Grow(16 << 10)
	valid := true
	for i := 0; i < 30; i++ {
		name := "f" + strconv.Itoa(i)
		id := "id_" + name
		label := "F" + strconv.Itoa(i)
		help := "Help for field " + strconv.Itoa(i)
		v := d.Get(name)
		var hidden func()
		if i == 29 {
			hidden = func() {}
		}
		first := i == 0
		switch i % 10 {
		case 0:
			valid = valid && v != "" && len([]rune(v)) <= 50
			p.divRow(first, label, id, help, false, nil, func() {
				p.input("text", name, v, v != "", ` maxlength="50" required`, id)
			}, hidden)
		case 1:
			n, err := strconv.Atoi(v)
			valid = valid && err == nil && n >= 0
			p.divRow(first, label, id, help, false, nil, func() {
				p.input("number", name, v, v != "", ` min="0" step="1" required`, id)
			}, hidden)
		case 2:
			_, err := strconv.ParseFloat(v, 64)
			valid = valid && err == nil
			p.divRow(first, label, id, help, false, nil, func() {
				p.input("number", name, v, v != "", ` step="0.01" required`, id)
			}, hidden)
		case 3:
			valid = valid && validEmail(v)
			p.divRow(first, label, id, help, false, nil, func() {
				p.input("email", name, v, v != "", ` maxlength="320" required`, id)
			}, hidden)
		case 4:
			_, err := time.Parse("2006-01-02", v)
			valid = valid && err == nil
			p.divRow(first, label, id, help, false, nil, func() {
				p.input("text", name, v, v != "", ` required`, id)
			}, hidden)
		case 5:
			on := v != "" && v != "false" && v != "0"
			p.divRow(first, label, id, help, false, nil, func() {
				p.s(`<input type="checkbox" name="`, name, `" id="`, id, `"`)
				if on {
					p.s(" checked")
				}
				p.s(">")
			}, hidden)
		case 6:
			valid = valid && oneOf(v, wideOptions)
			p.divRow(first, label, id, help, false, nil, func() {
				p.selectList(name, id, wideOptions, wideOptLbls, v)
			}, hidden)
		case 7:
			valid = valid && oneOf(v, wideYesNo)
			p.divRow(first, label, id, help, true, nil, func() {
				p.choiceList("radio", name, id, " required", wideYesNo, wideYNLbls,
					func(o string) bool { return o == v }, false)
			}, hidden)
		case 8:
			sel := d[name]
			for _, s := range sel {
				valid = valid && oneOf(s, wideTags)
			}
			p.divRow(first, label, id, help, true, nil, func() {
				p.choiceList("checkbox", name, id, "", wideTags, wideTagLbls,
					func(o string) bool { return oneOf(o, sel) }, false)
			}, hidden)
		case 9:
			valid = valid && strings.TrimSpace(v) != ""
			p.divRow(first, label, id, help, false, nil, func() {
				p.textarea(name, v, " required", id)
			}, hidden)
		}
	}
	if !valid {
		return "invalid data"
	}
	return p.String()
}

// floorFormset20 renders a formset of twenty bound forms (title, qty,
// price and the DELETE checkbox) after the management form, each form in
// the div style; the formset asks for no required attribute.
func floorFormset20(d url.Values) string {
	var p page
	p.Grow(24 << 10)
	for _, n := range []string{"TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"} {
		name := "form-" + n
		v, ok := d[name]
		p.input("hidden", name, strings.Join(v, ""), ok, "", "id_"+name)
	}
	total, err := strconv.Atoi(d.Get("form-TOTAL_FORMS"))
	if err != nil {
		return "invalid management form"
	}
	for i := 0; i < min(total, 1000); i++ {
		prefix := "form-" + strconv.Itoa(i) + "-"
		title, qty, price := d.Get(prefix+"title"), d.Get(prefix+"qty"), d.Get(prefix+"price")
		var titleErrs, qtyErrs, priceErrs []string
		if title == "" {
			titleErrs = []string{"This field is required."}
		} else if n := len([]rune(title)); n > 30 {
			titleErrs = []string{"Ensure this value has at most 30 characters (it has " + strconv.Itoa(n) + ")."}
		}
		if qty != "" {
			if n, err := strconv.Atoi(qty); err != nil {
				qtyErrs = []string{"Enter a whole number."}
			} else if n < 1 {
				qtyErrs = []string{"Ensure this value is greater than or equal to 1."}
			}
		}
		if price == "" {
			priceErrs = []string{"This field is required."}
		} else if msg := checkPrice(price); msg != "" {
			priceErrs = []string{msg}
		}
		field := func(name string) (string, string) { return prefix + name, "id_" + prefix + name }
		name, id := field("title")
		p.divRow(true, "Title", id, "", false, titleErrs, func() {
			p.input("text", name, title, title != "", ` maxlength="30"`, id)
		}, nil)
		qname, qid := field("qty")
		p.divRow(false, "Qty", qid, "", false, qtyErrs, func() {
			p.input("number", qname, qty, qty != "", ` min="1" step="1"`, qid)
		}, nil)
		pname, pid := field("price")
		p.divRow(false, "Price", pid, "", false, priceErrs, func() {
			p.input("number", pname, price, price != "", ` step="0.01"`, pid)
		}, nil)
		dname, did := field("DELETE")
		del := d.Get(dname)
		p.divRow(false, "Delete", did, "", false, nil, func() {
			p.s(`<input type="checkbox" name="`, dname, `" id="`, did, `"`)
			if del != "" && del != "false" && del != "0" {
				p.s(" checked")
			}
			p.s(">")
		}, func() {})
	}
	return p.String()
}

// checkPrice validates a decimal of at most six digits, two of them
// after the point, returning the error message or "".
func checkPrice(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" {
		return "Enter a number."
	}
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return "Enter a number."
		}
	}
	whole = strings.TrimLeft(whole, "0")
	frac = strings.TrimRight(frac, "0")
	switch {
	case len(whole)+len(frac) > 6:
		return "Ensure that there are no more than 6 digits in total."
	case len(frac) > 2:
		return "Ensure that there are no more than 2 decimal places."
	case len(whole) > 4:
		return "Ensure that there are no more than 4 digits before the decimal point."
	}
	return ""
}
