package i18n

import "golang.org/x/text/language"

// formworkCatalogs returns new copies of the catalogs of formwork's own
// texts, which Django's .po files do not have: those the
// AccessibleFormRenderer's templates add ({% translate %}).
func formworkCatalogs() []*Catalog {
	return []*Catalog{
		{Tag: language.MustParse("fr"), Messages: map[string]string{
			"There is a problem": "Il y a un problème",
			"(required)":         "(obligatoire)",
			"Form %(number)s":    "Formulaire %(number)s",
		}},
		{Tag: language.MustParse("de"), Messages: map[string]string{
			"There is a problem": "Es gibt ein Problem",
			"(required)":         "(erforderlich)",
			"Form %(number)s":    "Formular %(number)s",
		}},
		{Tag: language.MustParse("zh-Hans"), Messages: map[string]string{
			"There is a problem": "出现了问题",
			"(required)":         "（必填）",
			"Form %(number)s":    "表单 %(number)s",
		}},
		{Tag: language.MustParse("sr-Latn"), Messages: map[string]string{
			"There is a problem": "Postoji problem",
			"(required)":         "(obavezno)",
			"Form %(number)s":    "Obrazac %(number)s",
		}},
	}
}
