package validators

import (
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
)

// ValidationError is what a validator or a field's clean step reports: one
// message with its code and parameters, or a list of such errors. It
// carries what Django's ValidationError carries so that messages can be
// translated and interpolated late, when they are shown.
type ValidationError struct {
	// Message is the untranslated message, with %(name)s placeholders.
	Message string
	// Code names the kind of error ("required", "invalid", "step_size").
	Code string
	// Params fill the placeholders of Message.
	Params map[string]any
	// List holds several errors raised together; when it is non-empty the
	// error is only a container and Message, Code and Params are unused.
	List []*ValidationError
}

// NewError returns a single validation error.
func NewError(message, code string, params map[string]any) *ValidationError {
	return &ValidationError{Message: message, Code: code, Params: params}
}

// Join collects errors into one ValidationError, flattening lists and
// skipping nils. It returns nil when there is nothing to report.
func Join(errs ...error) *ValidationError {
	var list []*ValidationError
	for _, err := range errs {
		if err == nil {
			continue
		}
		list = append(list, AsValidationError(err).Flatten()...)
	}
	if len(list) == 0 {
		return nil
	}
	if len(list) == 1 {
		return list[0]
	}
	return &ValidationError{List: list}
}

// AsValidationError returns err as a *ValidationError, wrapping a plain
// error's text as a message with code "invalid".
func AsValidationError(err error) *ValidationError {
	if err == nil {
		return nil
	}
	if ve, ok := err.(*ValidationError); ok {
		return ve
	}
	return &ValidationError{Message: err.Error(), Code: "invalid"}
}

// Flatten returns the single errors held by e, in order.
func (e *ValidationError) Flatten() []*ValidationError {
	if e == nil {
		return nil
	}
	if len(e.List) == 0 {
		return []*ValidationError{e}
	}
	var out []*ValidationError
	for _, sub := range e.List {
		out = append(out, sub.Flatten()...)
	}
	return out
}

// Translator turns an untranslated message into the one to show. The
// identity translator is used when none is given.
type Translator interface {
	Translate(message string) string
}

// Text returns the message with its parameters filled in, translated by t
// when t is not nil.
func (e *ValidationError) Text(t Translator) string {
	msg := e.Message
	if t != nil {
		msg = t.Translate(msg)
	}
	if e.Params != nil {
		return pyfmt.Interpolate(msg, e.Params)
	}
	return msg
}

// Messages returns every message held by e, interpolated, untranslated.
func (e *ValidationError) Messages() []string {
	var out []string
	for _, sub := range e.Flatten() {
		out = append(out, sub.Text(nil))
	}
	return out
}

// Error implements error.
func (e *ValidationError) Error() string {
	msgs := e.Messages()
	if len(msgs) == 1 {
		return msgs[0]
	}
	return "[" + strings.Join(msgs, "; ") + "]"
}
