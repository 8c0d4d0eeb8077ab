package i18n_test

import (
	"testing"

	"github.com/formwork/formwork/i18n"
)

// BenchmarkNewBundle is the cost of decoding every built-in catalog, which
// the first use of Negotiate or For pays once.
func BenchmarkNewBundle(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		i18n.NewBundle()
	}
}

func BenchmarkNegotiate(b *testing.B) {
	i18n.Negotiate("")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		i18n.Negotiate("pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7")
	}
}

func BenchmarkTranslateParams(b *testing.B) {
	tr, _ := i18n.For("ar")
	msg := "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
	params := map[string]any{"limit_value": 11, "show_value": 30}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tr.TranslateParams(msg, params)
	}
}
