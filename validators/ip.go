package validators

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"
)

// Messages of the IP address validators.
const (
	msgIPv4  = "Enter a valid IPv4 address."
	msgIPv6  = "Enter a valid IPv6 address."
	msgIPv46 = "Enter a valid IPv4 or IPv6 address."
)

// IPAddressValidator is Django's validate_ipv4_address,
// validate_ipv6_address or validate_ipv46_address, depending on Protocol.
// Addresses are read as Python's ipaddress module reads them: no leading
// zeros in IPv4 octets, IPv6 with an optional embedded IPv4 tail and
// "%scope" suffix, at most 39 characters (Django's limit).
type IPAddressValidator struct {
	// Protocol is "ipv4", "ipv6" or "both" (case-insensitive); empty
	// means "both".
	Protocol string
	// Message replaces the protocol's default message when not empty.
	Message string
	// Code replaces the default code ("invalid") when not empty.
	Code string
}

// IPv4 returns Django's validate_ipv4_address.
func IPv4() *IPAddressValidator { return &IPAddressValidator{Protocol: "ipv4"} }

// IPv6 returns Django's validate_ipv6_address.
func IPv6() *IPAddressValidator { return &IPAddressValidator{Protocol: "ipv6"} }

// IPv46 returns Django's validate_ipv46_address.
func IPv46() *IPAddressValidator { return &IPAddressValidator{Protocol: "both"} }

// Validate implements Validator. The value is a string or a netip.Addr.
func (v *IPAddressValidator) Validate(value any) error {
	var ok bool
	var msg string
	switch strings.ToLower(v.Protocol) {
	case "ipv4":
		ok, msg = isIPv4Value(value), msgIPv4
	case "ipv6":
		ok, msg = isIPv6Value(value), msgIPv6
	case "both", "":
		ok, msg = isIPv4Value(value) || isIPv6Value(value), msgIPv46
	default:
		return fmt.Errorf("IPAddressValidator: unknown protocol %q", v.Protocol)
	}
	if ok {
		return nil
	}
	return fail(msg, v.Message, "invalid", v.Code, map[string]any{"value": value})
}

// IPAddressValidators is Django's ip_address_validators: the validators
// and the error message of a GenericIPAddressField for protocol.
func IPAddressValidators(protocol string, unpackIPv4 bool) ([]Validator, string, error) {
	if protocol != "both" && unpackIPv4 {
		return nil, "", fmt.Errorf("You can only use `unpack_ipv4` if `protocol` is set to 'both'")
	}
	switch strings.ToLower(protocol) {
	case "both":
		return []Validator{IPv46()}, msgIPv46, nil
	case "ipv4":
		return []Validator{IPv4()}, msgIPv4, nil
	case "ipv6":
		return []Validator{IPv6()}, msgIPv6, nil
	}
	return nil, "", fmt.Errorf("The protocol '%s' is unknown. Supported: ['both', 'ipv4', 'ipv6']", protocol)
}

func isIPv4Value(value any) bool {
	switch x := value.(type) {
	case string:
		return isIPv4(x)
	case netip.Addr:
		return x.Is4()
	}
	return false
}

func isIPv6Value(value any) bool {
	switch x := value.(type) {
	case string:
		// Django's MAX_IPV6_ADDRESS_LENGTH.
		return utf8.RuneCountInString(x) <= 39 && isIPv6(x)
	case netip.Addr:
		return x.Is6()
	}
	return false
}

// isIPv4 is ipaddress.IPv4Address(s) succeeding.
func isIPv4(s string) bool {
	octets := strings.Split(s, ".")
	if len(octets) != 4 {
		return false
	}
	for _, o := range octets {
		if !isIPv4Octet(o) {
			return false
		}
	}
	return true
}

func isIPv4Octet(o string) bool {
	if o == "" || len(o) > 3 {
		return false
	}
	n := 0
	for i := 0; i < len(o); i++ {
		if o[i] < '0' || o[i] > '9' {
			return false
		}
		n = n*10 + int(o[i]-'0')
	}
	if len(o) > 1 && o[0] == '0' {
		return false
	}
	return n <= 255
}

// isIPv6 is ipaddress.IPv6Address(s) succeeding.
func isIPv6(s string) bool {
	addr, scope, found := strings.Cut(s, "%")
	if found && (scope == "" || strings.Contains(scope, "%")) {
		return false
	}
	if addr == "" || strings.Contains(addr, "/") {
		return false
	}
	parts := strings.Split(addr, ":")
	if len(parts) < 3 {
		return false
	}
	if last := parts[len(parts)-1]; strings.Contains(last, ".") {
		if !isIPv4(last) {
			return false
		}
		// Two hextets stand for the IPv4 tail.
		parts = append(parts[:len(parts)-1], "0", "0")
	}
	const hextets = 8
	if len(parts) > hextets+1 {
		return false
	}
	skip := -1
	for i := 1; i < len(parts)-1; i++ {
		if parts[i] == "" {
			if skip >= 0 {
				return false
			}
			skip = i
		}
	}
	var hi, lo int
	if skip >= 0 {
		hi, lo = skip, len(parts)-skip-1
		if parts[0] == "" {
			if hi--; hi != 0 {
				return false
			}
		}
		if parts[len(parts)-1] == "" {
			if lo--; lo != 0 {
				return false
			}
		}
		if hextets-(hi+lo) < 1 {
			return false
		}
	} else {
		if len(parts) != hextets || parts[0] == "" || parts[len(parts)-1] == "" {
			return false
		}
		hi = len(parts)
	}
	for _, p := range parts[:hi] {
		if !isHextet(p) {
			return false
		}
	}
	for _, p := range parts[len(parts)-lo:] {
		if !isHextet(p) {
			return false
		}
	}
	return true
}

// isHextet is ipaddress's _parse_hextet succeeding: one to four hex
// digits (an empty hextet fails there in int("", 16)).
func isHextet(h string) bool {
	if len(h) > 4 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return h != ""
}
