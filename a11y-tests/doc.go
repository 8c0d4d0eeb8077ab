// Package a11y checks rendered HTML pages with real accessibility and
// conformance checkers, so that formwork's form renderers can be held to
// what browsers and assistive technology see rather than to string
// comparisons.
//
// Two checkers are wrapped, both behind the [Checker] interface:
//
//   - [Axe] runs axe-core (npm axe-core) in headless Chromium, driven over
//     the DevTools protocol.  It finds what a screen reader user meets:
//     controls without an accessible name ("label", "select-name"),
//     invalid ARIA ("aria-valid-attr-value"), duplicate ids used by labels
//     and ARIA ("duplicate-id-aria", reported as needs-review).
//   - [VNU] runs the Nu Html Checker (npm vnu-jar) on Java.  It finds
//     invalid HTML that axe accepts: `for` on <legend> (which Django 4.x
//     writes), a label whose `for` names no control, duplicate ids, aria-*
//     on hidden inputs.
//
// Neither notices a group of radio buttons or checkboxes outside a
// <fieldset>, a <fieldset> without <legend>, or (vnu) an aria-describedby
// naming a missing id; tests of renderers should check those structurally.
//
// # Checking form pages
//
// [Check] runs both checkers over a batch of [Page]s and returns every
// [Violation] with a [Summary] (counts per checker, per rule and per page,
// printable).  Each checker starts its tool once per call, so pass all the
// pages of a test in one call: start-up costs about a second, a page a few
// tens of milliseconds.  Wrap a rendered form with [FullPage], which adds
// the doctype, lang, title, <main>, <h1>, <form> and submit button that
// page-level rules need, so only the form is judged.
//
// A test rendering every formwork form case with, for example, the
// DjangoDivFormRenderer and an AccessibleFormRenderer looks like:
//
//	func TestFormCasesAccessible(t *testing.T) {
//		a11y.RequireTools(t)
//		var pages []a11y.Page
//		for _, c := range cases {
//			html := render(t, c) // the form's HTML
//			pages = append(pages, a11y.Page{Name: c.Name, HTML: a11y.FullPage(c.Name, "en", html)})
//		}
//		sum, vs, err := a11y.Check(ctx, pages)
//		if err != nil {
//			t.Fatal(err)
//		}
//		for _, v := range vs {
//			t.Error(v)
//		}
//		t.Logf("\n%s", sum)
//	}
//
// A renderer known to fail some rules (Django's own output) can be
// compared against an expected set of rule keys ([RuleKey]) per page,
// rather than against zero.
//
// # What a screen reader announces
//
// Rules say whether a control has a name; they do not say whether it is
// the right one. [Announce] loads pages in Chromium and reads, from its
// accessibility tree (the DevTools protocol's
// Accessibility.getFullAXTree, matched to the DOM by backend node id),
// each form control's computed accessible name and description, those of
// the <fieldset> around it, and the text of every role="alert" element.
// The suite's TestScreenReaderAnnouncements compares them with the form a
// page was rendered from: the label in the name, each error in the
// description, one error summary listing every error.
//
// # Tools
//
// The checkers need Chromium, a Java runtime (17 or later) and the npm
// packages pinned in this directory's package.json, installed into its
// node_modules by .ci/a11y-install.sh (idempotent; safe to run at the start
// of every CI job).  [RequireTools] skips a test when they are missing, or
// fails it when CI=true.  The directory holding node_modules is
// $FORMWORK_A11Y_DIR or, by default, this package's source directory;
// FORMWORK_CHROMIUM, FORMWORK_JAVA and JAVA_HOME choose the executables.
package a11y
