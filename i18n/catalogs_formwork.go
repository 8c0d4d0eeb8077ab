package i18n

import (
	"sort"

	"golang.org/x/text/language"
)

// formworkTexts are the translations of formwork's own texts, which
// Django's catalogs do not have: those the AccessibleFormRenderer's
// templates add with {% translate %}. They are written and kept here by
// hand, by Django code. Every language of FormworkLanguages has every
// text (a test checks it against the templates).
//
// "There is a problem" is the heading of an error summary (as GOV.UK's
// pattern words it); "(required)" follows a required field's label;
// "Form %(number)s" is the legend of a formset's nth form.
var formworkTexts = map[string]map[string]string{
	"ar": {
		"There is a problem": "توجد مشكلة",
		"(required)":         "(مطلوب)",
		"Form %(number)s":    "النموذج %(number)s",
	},
	"bn": {
		"There is a problem": "একটি সমস্যা আছে",
		"(required)":         "(আবশ্যক)",
		"Form %(number)s":    "ফর্ম %(number)s",
	},
	"cs": {
		"There is a problem": "Vyskytl se problém",
		"(required)":         "(povinné)",
		"Form %(number)s":    "Formulář %(number)s",
	},
	"de": {
		"There is a problem": "Es gibt ein Problem",
		"(required)":         "(erforderlich)",
		"Form %(number)s":    "Formular %(number)s",
	},
	"es": {
		"There is a problem": "Hay un problema",
		"(required)":         "(obligatorio)",
		"Form %(number)s":    "Formulario %(number)s",
	},
	"fr": {
		"There is a problem": "Il y a un problème",
		"(required)":         "(obligatoire)",
		"Form %(number)s":    "Formulaire %(number)s",
	},
	"hi": {
		"There is a problem": "एक समस्या है",
		"(required)":         "(आवश्यक)",
		"Form %(number)s":    "फ़ॉर्म %(number)s",
	},
	"id": {
		"There is a problem": "Ada masalah",
		"(required)":         "(wajib)",
		"Form %(number)s":    "Formulir %(number)s",
	},
	"it": {
		"There is a problem": "C’è un problema",
		"(required)":         "(obbligatorio)",
		"Form %(number)s":    "Modulo %(number)s",
	},
	"ja": {
		"There is a problem": "問題があります",
		"(required)":         "（必須）",
		"Form %(number)s":    "フォーム %(number)s",
	},
	"ko": {
		"There is a problem": "문제가 있습니다",
		"(required)":         "(필수)",
		"Form %(number)s":    "양식 %(number)s",
	},
	"nl": {
		"There is a problem": "Er is een probleem",
		"(required)":         "(verplicht)",
		"Form %(number)s":    "Formulier %(number)s",
	},
	"pl": {
		"There is a problem": "Wystąpił problem",
		"(required)":         "(wymagane)",
		"Form %(number)s":    "Formularz %(number)s",
	},
	"pt": {
		"There is a problem": "Existe um problema",
		"(required)":         "(obrigatório)",
		"Form %(number)s":    "Formulário %(number)s",
	},
	"pt-br": {
		"There is a problem": "Há um problema",
		"(required)":         "(obrigatório)",
		"Form %(number)s":    "Formulário %(number)s",
	},
	"ru": {
		"There is a problem": "Возникла проблема",
		"(required)":         "(обязательно)",
		"Form %(number)s":    "Форма %(number)s",
	},
	"sr-latn": {
		"There is a problem": "Postoji problem",
		"(required)":         "(obavezno)",
		"Form %(number)s":    "Obrazac %(number)s",
	},
	"tr": {
		"There is a problem": "Bir sorun var",
		"(required)":         "(zorunlu)",
		"Form %(number)s":    "Form %(number)s",
	},
	"uk": {
		"There is a problem": "Виникла проблема",
		"(required)":         "(обов’язково)",
		"Form %(number)s":    "Форма %(number)s",
	},
	"zh-hans": {
		"There is a problem": "出现了问题",
		"(required)":         "（必填）",
		"Form %(number)s":    "表单 %(number)s",
	},
	"zh-hant": {
		"There is a problem": "出現了問題",
		"(required)":         "（必填）",
		"Form %(number)s":    "表單 %(number)s",
	},
}

// FormworkLanguages returns the Django codes of the languages formwork's
// own texts are translated into, sorted; in the others they show in
// English.
func FormworkLanguages() []string {
	out := make([]string, 0, len(formworkTexts))
	for c := range formworkTexts {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// formworkCatalogs returns new catalogs of formwork's own texts, one per
// language of formworkTexts.
func formworkCatalogs() []*Catalog {
	var out []*Catalog
	for _, code := range FormworkLanguages() {
		msgs := make(map[string]string, len(formworkTexts[code]))
		for k, v := range formworkTexts[code] {
			msgs[k] = v
		}
		out = append(out, &Catalog{Tag: language.Make(code), Code: code, Messages: msgs})
	}
	return out
}
