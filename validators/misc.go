package validators

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/formwork/formwork/internal/pyfmt"
	"github.com/shopspring/decimal"
)

// DecimalValidator is Django's DecimalValidator: a decimal may have at
// most MaxDigits digits in all, DecimalPlaces after the point and
// MaxDigits-DecimalPlaces before it. A nil limit is not checked.
type DecimalValidator struct {
	MaxDigits     *int
	DecimalPlaces *int
}

// Decimal returns a DecimalValidator; a negative argument stands for
// Django's None (no limit).
func Decimal(maxDigits, decimalPlaces int) *DecimalValidator {
	v := &DecimalValidator{}
	if maxDigits >= 0 {
		v.MaxDigits = &maxDigits
	}
	if decimalPlaces >= 0 {
		v.DecimalPlaces = &decimalPlaces
	}
	return v
}

// Validate implements Validator. The value is a decimal.Decimal; a
// float64 is read as Python's Decimal(str(value)), and a string as
// Python's Decimal(string), so that "NaN" and "Infinity" (and float NaN
// and infinities) give the "invalid" error as in Django.
func (v *DecimalValidator) Validate(value any) error {
	d, special, err := asDecimal(value)
	if err != nil {
		return fmt.Errorf("DecimalValidator: %w", err)
	}
	if special {
		return NewError("Enter a number.", "invalid", map[string]any{"value": value})
	}
	coef := new(big.Int).Abs(d.Coefficient())
	ndigits := int64(len(coef.String()))
	exp := int64(d.Exponent())
	var digits, decimals int64
	if exp >= 0 {
		digits = ndigits
		if coef.Sign() != 0 {
			// A positive exponent adds that many trailing zeros.
			digits += exp
		}
	} else if -exp > ndigits {
		digits, decimals = -exp, -exp
	} else {
		digits, decimals = ndigits, -exp
	}
	whole := digits - decimals
	if v.MaxDigits != nil && digits > int64(*v.MaxDigits) {
		n := *v.MaxDigits
		return NewError(ngettext("Ensure that there are no more than %(max)s digit in total.",
			"Ensure that there are no more than %(max)s digits in total.", int64(n)),
			"max_digits", map[string]any{"max": n, "value": value})
	}
	if v.DecimalPlaces != nil && decimals > int64(*v.DecimalPlaces) {
		n := *v.DecimalPlaces
		return NewError(ngettext("Ensure that there are no more than %(max)s decimal place.",
			"Ensure that there are no more than %(max)s decimal places.", int64(n)),
			"max_decimal_places", map[string]any{"max": n, "value": value})
	}
	if v.MaxDigits != nil && v.DecimalPlaces != nil && whole > int64(*v.MaxDigits-*v.DecimalPlaces) {
		n := *v.MaxDigits - *v.DecimalPlaces
		return NewError(ngettext("Ensure that there are no more than %(max)s digit before the decimal point.",
			"Ensure that there are no more than %(max)s digits before the decimal point.", int64(n)),
			"max_whole_digits", map[string]any{"max": n, "value": value})
	}
	return nil
}

// asDecimal reads value as a Python Decimal; special is true for NaN and
// the infinities, which shopspring/decimal cannot hold.
func asDecimal(value any) (d decimal.Decimal, special bool, err error) {
	switch x := value.(type) {
	case decimal.Decimal:
		return x, false, nil
	case *decimal.Decimal:
		if x != nil {
			return *x, false, nil
		}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return d, true, nil
		}
		d, err = decimal.NewFromString(pyfmt.FloatRepr(x))
		return d, false, err
	case string:
		s := strings.ToLower(strings.TrimSpace(x))
		s = strings.TrimLeft(s, "+-")
		switch s {
		case "nan", "snan", "inf", "infinity":
			return d, true, nil
		}
		if strings.HasPrefix(s, "nan") || strings.HasPrefix(s, "snan") {
			return d, true, nil
		}
		d, err = decimal.NewFromString(strings.TrimSpace(x))
		return d, false, err
	}
	n := asNumber(value)
	if n.kind == intNumber {
		return n.exact(), false, nil
	}
	return d, false, fmt.Errorf("cannot validate a %s", typeName(value))
}

// FileExtensionValidator is Django's FileExtensionValidator: the file
// name's extension, lower-cased, must be one of AllowedExtensions.
type FileExtensionValidator struct {
	// AllowedExtensions are the accepted extensions without the dot; nil
	// accepts every extension. They are compared lower-cased.
	AllowedExtensions []string
	// Message replaces the default message when not empty.
	Message string
	// Code replaces the default code ("invalid_extension") when not empty.
	Code string
}

// FileExtension returns a FileExtensionValidator for the given extensions.
func FileExtension(allowed ...string) *FileExtensionValidator {
	return &FileExtensionValidator{AllowedExtensions: append([]string{}, allowed...)}
}

// Namer is a file that has a name, like Django's File.name.
type Namer interface {
	Name() string
}

// Validate implements Validator. The value is a file name (string) or a
// value with a Name() string method.
func (v *FileExtensionValidator) Validate(value any) error {
	var name string
	switch x := value.(type) {
	case string:
		name = x
	case Namer:
		name = x.Name()
	default:
		return fmt.Errorf("FileExtensionValidator: %s has no name", typeName(value))
	}
	if v.AllowedExtensions == nil {
		return nil
	}
	ext := strings.ToLower(pathSuffix(name))
	allowed := make([]string, len(v.AllowedExtensions))
	for i, a := range v.AllowedExtensions {
		allowed[i] = strings.ToLower(a)
		if allowed[i] == ext {
			return nil
		}
	}
	return fail("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s.",
		v.Message, "invalid_extension", v.Code, map[string]any{
			"extension":          ext,
			"allowed_extensions": strings.Join(allowed, ", "),
			"value":              value,
		})
}

// pathSuffix is Python's Path(name).suffix without its dot.
func pathSuffix(name string) string {
	// Path's final component: empty and "." components are dropped.
	var last string
	for _, part := range strings.Split(name, "/") {
		if part != "" && part != "." {
			last = part
		}
	}
	i := strings.LastIndexByte(last, '.')
	if i > 0 && i < len(last)-1 {
		return last[i+1:]
	}
	return ""
}

// ProhibitNullCharactersValidator is Django's
// ProhibitNullCharactersValidator: str(value) may not hold "\x00".
type ProhibitNullCharactersValidator struct {
	// Message replaces the default message when not empty.
	Message string
	// Code replaces the default code ("null_characters_not_allowed") when
	// not empty.
	Code string
}

// ProhibitNullCharacters returns a ProhibitNullCharactersValidator.
func ProhibitNullCharacters() *ProhibitNullCharactersValidator {
	return &ProhibitNullCharactersValidator{}
}

// Validate implements Validator.
func (v *ProhibitNullCharactersValidator) Validate(value any) error {
	if strings.Contains(pyfmt.Str(value), "\x00") {
		return fail("Null characters are not allowed.", v.Message, "null_characters_not_allowed", v.Code,
			map[string]any{"value": value})
	}
	return nil
}
