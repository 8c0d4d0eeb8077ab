package a11y

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// VNU checks pages with the Nu Html Checker (vnu.jar from the npm package
// vnu-jar) on the system's Java.  The zero value is ready to use.  One JVM
// checks all pages of a Check call (about a second plus a few milliseconds
// per page).
type VNU struct {
	// Java is the java executable; empty means FORMWORK_JAVA,
	// $JAVA_HOME/bin/java or java in PATH.
	Java string
	// Dir holds node_modules/vnu-jar; empty means Dir().
	Dir string
	// Warnings also reports vnu's warnings (messages of type "info" with
	// subType "warning"), with Impact "warning".  Errors have Impact
	// "error".  Plain informational messages are never reported.
	Warnings bool
	// Ignore drops messages whose text matches any of these expressions.
	Ignore []*regexp.Regexp
	// Timeout bounds the whole run (one JVM for all pages); 0 means
	// Deadline(len(pages)), the allowance the suite gives a run, so that a
	// busy machine does not turn vnu's own bound into a failure (two
	// minutes plus 100ms a page was exceeded by 623 pages on a loaded
	// 2-CPU machine).  The context's deadline, if earlier, wins.
	Timeout time.Duration
}

type vnuMessage struct {
	Type        string `json:"type"`
	SubType     string `json:"subType"`
	URL         string `json:"url"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
}

type vnuOutput struct {
	Messages []vnuMessage `json:"messages"`
}

// Check implements Checker.
func (v VNU) Check(ctx context.Context, pages []Page) ([]Violation, error) {
	if len(pages) == 0 {
		return nil, nil
	}
	if err := validatePages(pages); err != nil {
		return nil, fmt.Errorf("a11y: vnu: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("a11y: vnu: %s not checked: %w", describePages(pages), err)
	}
	java := v.Java
	var missing []string
	if java == "" {
		var err error
		if java, err = findJava(); err != nil {
			missing = append(missing, err.Error())
		}
	}
	dir := v.Dir
	if dir == "" {
		dir = Dir()
	}
	jar, err := findVNUJar(dir)
	if err != nil {
		missing = append(missing, err.Error())
	}
	if len(missing) > 0 {
		return nil, &MissingToolsError{Missing: missing}
	}

	tmp, err := os.MkdirTemp("", "formwork-a11y-vnu-")
	if err != nil {
		return nil, fmt.Errorf("a11y: vnu: %w", err)
	}
	defer os.RemoveAll(tmp)
	if _, err := writePages(tmp, pages); err != nil {
		return nil, fmt.Errorf("a11y: vnu: %w", err)
	}
	timeout := v.Timeout
	if timeout <= 0 {
		timeout = Deadline(len(pages))
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	args := []string{
		"-Xss8m",                  // deep documents
		"-XX:+UseSerialGC",        // a short run: the cheapest collector
		"-XX:TieredStopAtLevel=1", // and the quickest JIT
		"-Djava.awt.headless=true",
		"-jar", jar,
		"--format", "json", "--stdout", "--exit-zero-always",
	}
	if !v.Warnings {
		args = append(args, "--errors-only")
	}
	// The directory rather than one argument per page: vnu checks every
	// .html file in it, and the command line stays short for any batch.
	args = append(args, tmp)
	cmd := exec.CommandContext(ctx, java, args...)
	// Should the JVM leave a child holding its output open, Wait must
	// still return.
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("a11y: vnu: %s not checked (%s -jar %s): %w", describePages(pages), java, jar, err)
	}
	var out vnuOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("a11y: vnu: %s not checked: %s -jar %s gave no JSON report (run error: %v): %w; stderr: %.2000s",
			describePages(pages), java, jar, runErr, err, orEmpty(strings.TrimSpace(stderr.String())))
	}
	byFile := make(map[string]int, len(pages))
	for i := range pages {
		byFile[pageFileName(i)] = i
	}
	return v.violations(out, pages, byFile)
}

func (v VNU) violations(out vnuOutput, pages []Page, byFile map[string]int) ([]Violation, error) {
	var vs []Violation
	var errs []error
	for _, m := range out.Messages {
		var impact string
		switch {
		case m.Type == "error":
			impact = "error"
		case m.Type == "info" && m.SubType == "warning":
			if !v.Warnings {
				continue
			}
			impact = "warning"
		case m.Type == "non-document-error":
			name := m.URL
			if i, ok := byFile[path.Base(m.URL)]; ok {
				name = pages[i].Name
			}
			errs = append(errs, fmt.Errorf("a11y: vnu: page %q not checked: %s", name, m.Message))
			continue
		default:
			continue
		}
		if v.ignored(m.Message) {
			continue
		}
		page := m.URL
		if i, ok := byFile[path.Base(m.URL)]; ok {
			page = pages[i].Name
		}
		line := m.FirstLine
		if line == 0 {
			line = m.LastLine
		}
		col := m.FirstColumn
		if col == 0 {
			col = m.LastColumn
		}
		vs = append(vs, Violation{
			Checker: "vnu",
			Rule:    vnuRule(m.Message),
			Impact:  impact,
			Message: m.Message,
			Target:  strconv.Itoa(line) + ":" + strconv.Itoa(col),
			Page:    page,
		})
	}
	SortViolations(vs, pages)
	return vs, errors.Join(errs...)
}

func (v VNU) ignored(msg string) bool {
	for _, re := range v.Ignore {
		if re.MatchString(msg) {
			return true
		}
	}
	return false
}

// vnuQuoted matches the specifics vnu quotes in its messages: “name”.
var vnuQuoted = regexp.MustCompile(`“[^”]*”`)

// vnuRule turns a vnu message into a rule name shared by all messages of
// the same kind.  Quoted element and attribute names are kept (they tell
// the kinds apart: "Attribute “for” not allowed on element “legend” at
// this point."), values the page chose are replaced by “…”: "Duplicate ID
// “…”.", "Bad value “…” for attribute “type” on element “input”.".
func vnuRule(msg string) string {
	switch {
	case strings.HasPrefix(msg, "Duplicate ID "), strings.HasPrefix(msg, "The first occurrence of ID "):
		return vnuQuoted.ReplaceAllString(msg, "“…”")
	case strings.HasPrefix(msg, "Bad value “"):
		loc := vnuQuoted.FindStringIndex(msg)
		if loc == nil {
			return msg
		}
		rest := msg[loc[1]:]
		// Drop the explanation after the colon; it repeats the value.
		if j := strings.Index(rest, ":"); j >= 0 {
			rest = rest[:j] + "."
		}
		return "Bad value “…”" + rest
	}
	return msg
}

func orEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}
