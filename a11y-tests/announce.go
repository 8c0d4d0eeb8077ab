package a11y

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Control is what a screen reader announces for one form control of a
// page, as Chromium's accessibility tree computes it: the accessible name
// (label, legend, aria-labelledby, ...) and the accessible description
// (aria-describedby, title, ...).
type Control struct {
	Tag, Type, Name, ID string // the element and its type, name and id attributes
	Role                string // the accessibility role, "" when the tree has no node for it
	AccName             string // the computed accessible name, white space collapsed
	AccDescription      string // the computed accessible description, white space collapsed
	// GroupName and GroupDescription are those of the nearest enclosing
	// <fieldset> (its legend, its aria-describedby), which screen
	// readers announce on entering the group; "" outside a fieldset.
	GroupName, GroupDescription string
}

// Announcement is what a page announces: its form controls (hidden inputs
// and buttons left out) and the text of each of its alerts (elements with
// role="alert", as error summaries are).
type Announcement struct {
	Page     string
	Controls []Control
	Alerts   []string
}

// Announce loads each page in Chromium and reads, from its accessibility
// tree (CDP Accessibility.getFullAXTree) and its DOM, what a screen reader
// announces for each form control. Pages are loaded in parallel tabs; a
// page that fails (a busy machine, a stuck tab) is tried again in a new
// tab, with a timeout per try far above what a page takes.
func Announce(ctx context.Context, pages []Page) ([]Announcement, error) {
	if len(pages) == 0 {
		return nil, nil
	}
	if err := validatePages(pages); err != nil {
		return nil, fmt.Errorf("a11y: announce: %w", err)
	}
	chromium, err := findChromium()
	if err != nil {
		return nil, &MissingToolsError{Missing: []string{err.Error()}}
	}
	tmp, err := os.MkdirTemp("", "formwork-a11y-ax-")
	if err != nil {
		return nil, fmt.Errorf("a11y: announce: %w", err)
	}
	defer os.RemoveAll(tmp)
	paths, err := writePages(tmp, pages)
	if err != nil {
		return nil, fmt.Errorf("a11y: announce: %w", err)
	}
	b, err := launchBrowser(ctx, chromium)
	if err != nil {
		return nil, fmt.Errorf("a11y: announce: %w", err)
	}
	defer b.close()

	out := make([]Announcement, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.NumCPU(), 4, len(pages)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var t *tab
			for i := range next {
				for try := 0; ; try++ {
					if t == nil {
						tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
						t, err = b.newTab(tctx)
						cancel()
						if err != nil {
							t = nil
							errs[i] = fmt.Errorf("a11y: announce: page %q: opening a tab: %w", pages[i].Name, err)
							if try >= 2 || ctx.Err() != nil {
								break
							}
							continue
						}
					}
					pctx, cancel := context.WithTimeout(ctx, 60*time.Second)
					out[i], errs[i] = announceOne(pctx, t, fileURL(paths[i]))
					cancel()
					out[i].Page = pages[i].Name
					if errs[i] == nil {
						break
					}
					errs[i] = fmt.Errorf("a11y: announce: page %q: %w", pages[i].Name, errs[i])
					t.close()
					t = nil
					if try >= 2 || ctx.Err() != nil {
						break
					}
				}
			}
			if t != nil {
				t.close()
			}
		}()
	}
feed:
	for i := range pages {
		select {
		case next <- i:
		case <-ctx.Done():
			for j := i; j < len(pages); j++ {
				errs[j] = fmt.Errorf("a11y: announce: page %q not read: %w", pages[j].Name, ctx.Err())
			}
			break feed
		}
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}

// domNode is a node of CDP's DOM.getDocument.
type domNode struct {
	NodeName      string    `json:"nodeName"`
	BackendNodeID int64     `json:"backendNodeId"`
	Attributes    []string  `json:"attributes"`
	Children      []domNode `json:"children"`
}

func (n domNode) attr(name string) (string, bool) {
	for i := 0; i+1 < len(n.Attributes); i += 2 {
		if n.Attributes[i] == name {
			return n.Attributes[i+1], true
		}
	}
	return "", false
}

// axValue is CDP's AXValue.
type axValue struct {
	Value json.RawMessage `json:"value"`
}

func (v *axValue) text() string {
	if v == nil {
		return ""
	}
	var s string
	if json.Unmarshal(v.Value, &s) != nil {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

type axNode struct {
	Ignored          bool     `json:"ignored"`
	Role             *axValue `json:"role"`
	Name             *axValue `json:"name"`
	Description      *axValue `json:"description"`
	BackendDOMNodeID int64    `json:"backendDOMNodeId"`
}

func announceOne(ctx context.Context, t *tab, u string) (Announcement, error) {
	var a Announcement
	if err := t.navigate(ctx, u); err != nil {
		return a, err
	}
	raw, err := t.call(ctx, "DOM.getDocument", map[string]any{"depth": -1})
	if err != nil {
		return a, fmt.Errorf("DOM.getDocument: %w", err)
	}
	var doc struct {
		Root domNode `json:"root"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return a, fmt.Errorf("DOM.getDocument: %w", err)
	}
	raw, err = t.call(ctx, "Accessibility.getFullAXTree", nil)
	if err != nil {
		return a, fmt.Errorf("Accessibility.getFullAXTree: %w", err)
	}
	var tree struct {
		Nodes []axNode `json:"nodes"`
	}
	if err := json.Unmarshal(raw, &tree); err != nil {
		return a, fmt.Errorf("Accessibility.getFullAXTree: %w", err)
	}
	byBackend := map[int64]axNode{}
	for _, n := range tree.Nodes {
		if n.BackendDOMNodeID != 0 {
			byBackend[n.BackendDOMNodeID] = n
		}
	}
	var walk func(n domNode, group axNode)
	walk = func(n domNode, group axNode) {
		tag := strings.ToLower(n.NodeName)
		if tag == "fieldset" {
			group = byBackend[n.BackendNodeID]
		}
		if tag == "input" || tag == "select" || tag == "textarea" {
			typ, _ := n.attr("type")
			typ = strings.ToLower(typ)
			switch typ {
			case "hidden", "submit", "button", "reset", "image":
			default:
				c := Control{Tag: tag, Type: typ}
				c.Name, _ = n.attr("name")
				c.ID, _ = n.attr("id")
				if ax, ok := byBackend[n.BackendNodeID]; ok && !ax.Ignored {
					c.Role, c.AccName, c.AccDescription = ax.Role.text(), ax.Name.text(), ax.Description.text()
				}
				c.GroupName, c.GroupDescription = group.Name.text(), group.Description.text()
				a.Controls = append(a.Controls, c)
			}
		}
		for _, ch := range n.Children {
			walk(ch, group)
		}
	}
	walk(doc.Root, axNode{})
	raw, err = t.evaluate(ctx, `JSON.stringify(Array.from(document.querySelectorAll('[role=alert]'), e => e.textContent.replace(/\s+/g, ' ').trim()))`)
	if err != nil {
		return a, err
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return a, fmt.Errorf("alerts: %.200s", raw)
	}
	if err := json.Unmarshal([]byte(s), &a.Alerts); err != nil {
		return a, fmt.Errorf("alerts: %w", err)
	}
	return a, nil
}
