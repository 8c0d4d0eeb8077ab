package validators

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Django's EmailValidator patterns, compiled on first use (not at
// program start); the domain's lookbehind (a top-level label may not end
// with a hyphen) is written as a plain expression.
var (
	emailUserRegex = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("(?i)(^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\\z" +
			`|^"([\x01-\x08\x0b\x0c\x0e-\x1f!#-\[\]-\x7f]|\\[\x01-\x09\x0b\x0c\x0e-\x7f])*"\z)`)
	})
	emailDomainRegex = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)(?:[A-Z0-9-]{1,62}[A-Z0-9])\z`)
	})
	emailLiteralRegex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\[([A-F0-9:.]+)\]\z`) })
)

// EmailValidator is Django's EmailValidator: a local part (dot-atom or
// quoted string), "@", and a domain name, an address literal
// ("[192.0.2.1]") or a name in Allowlist. Internationalized domains are
// tried in their Punycode form.
type EmailValidator struct {
	// Allowlist holds domains accepted as they are; nil means
	// ["localhost"].
	Allowlist []string
	// Message replaces the default message ("Enter a valid email
	// address.") when not empty.
	Message string
	// Code replaces the default code ("invalid") when not empty.
	Code string
}

// Email returns Django's validate_email.
func Email() *EmailValidator { return &EmailValidator{} }

// Validate implements Validator. A value that is not a string is a plain
// error (None is invalid, as in Django).
func (v *EmailValidator) Validate(value any) error {
	invalid := fail("Enter a valid email address.", v.Message, "invalid", v.Code, map[string]any{"value": value})
	if value == nil {
		return invalid
	}
	s, ok := value.(string)
	if !ok {
		return fmt.Errorf("EmailValidator: cannot validate a %s", typeName(value))
	}
	if s == "" || !strings.Contains(s, "@") || utf8.RuneCountInString(s) > 320 {
		return invalid
	}
	at := strings.LastIndexByte(s, '@')
	user, domain := s[:at], s[at+1:]
	if !emailUserRegex().MatchString(user) {
		return invalid
	}
	allow := v.Allowlist
	if allow == nil {
		allow = []string{"localhost"}
	}
	if contains(allow, domain) || validEmailDomain(domain) {
		return nil
	}
	if ace, err := punycode(domain); err == nil && validEmailDomain(ace) {
		return nil
	}
	return invalid
}

// validEmailDomain is EmailValidator.validate_domain_part.
func validEmailDomain(domain string) bool {
	if emailDomainRegex().MatchString(domain) {
		return true
	}
	if m := emailLiteralRegex().FindStringSubmatch(domain); m != nil {
		return isIPv4(m[1]) || isIPv6Value(m[1])
	}
	return false
}
