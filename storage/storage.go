// Package storage keeps uploaded files once a model form saves them, and
// names and serves the files already stored: Django's Storage and the
// FieldFile a model's FileField holds.
//
// A Storage is a small interface; Dir, a folder on disk served under a
// base URL (Django's FileSystemStorage), is the default, and Memory keeps
// files in memory for tests and throw-away cases.
package storage

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Storage saves and opens files by name. Names use "/" between folders
// and never climb out of the storage ("..", a leading "/").
type Storage interface {
	// Save stores the content under name, or under a free name close to
	// it when the name is taken or longer than maxLength characters (0:
	// no limit), and returns the name used.
	Save(name string, content io.Reader, maxLength int) (string, error)
	// Open opens a stored file.
	Open(name string) (io.ReadCloser, error)
	// Size returns a stored file's size in bytes.
	Size(name string) (int64, error)
	// Exists reports whether a file is stored under the name.
	Exists(name string) (bool, error)
	// URL is where the stored file is served.
	URL(name string) string
}

// ErrBadName is returned (wrapped) for a name that is empty, absolute or
// climbs out of the storage.
var ErrBadName = errors.New("storage: bad file name")

// CleanName checks a stored file's name and returns it in clean form.
func CleanName(name string) (string, error) {
	name = strings.ReplaceAll(name, "\\", "/")
	clean := path.Clean(name)
	if name == "" || strings.HasPrefix(name, "/") || clean == "." || clean == ".." || strings.HasPrefix(clean, "../") || strings.ContainsRune(name, 0) {
		return "", fmt.Errorf("%w: %q", ErrBadName, name)
	}
	return clean, nil
}

// FilepathToURI is Django's filepath_to_uri: the name percent-encoded as
// a URL path, "/" and the characters ~!*()' left as they are.
func FilepathToURI(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_.-~/!*()'", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// availableName is Django's get_available_name: the name when it is free
// and at most maxLength characters long (0: no limit), else the name
// with "_" and seven random letters and digits before its extension, its
// root cut as much as the limit needs.
func availableName(name string, maxLength int, exists func(string) (bool, error)) (string, error) {
	dir, file := path.Split(name)
	ext := path.Ext(file) // os.path.splitext: "a.tar.gz" → "a.tar_XXXXXXX.gz"
	if ext == file {
		ext = ""
	}
	root := []rune(strings.TrimSuffix(file, ext))
	tooLong := func(n string) bool { return maxLength > 0 && utf8.RuneCountInString(n) > maxLength }
	for try := 0; try < 1000; try++ {
		taken, err := exists(name)
		if err != nil {
			return "", err
		}
		if !taken && !tooLong(name) {
			return name, nil
		}
		name = dir + string(root) + "_" + randomSuffix() + ext
		if cut := utf8.RuneCountInString(name) - maxLength; maxLength > 0 && cut > 0 {
			if cut >= len(root) {
				return "", fmt.Errorf("storage: %w: %q cannot be cut to %d characters", ErrBadName, name, maxLength)
			}
			root = root[:len(root)-cut]
			name = dir + string(root) + "_" + randomSuffix() + ext
		}
	}
	return "", fmt.Errorf("storage: no free name like %q", name)
}

func randomSuffix() string {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	var buf [7]byte
	rand.Read(buf[:]) // never fails (crypto/rand)
	for i := range buf {
		buf[i] = letters[int(buf[i])%len(letters)]
	}
	return string(buf[:])
}

// validNameRE matches what get_valid_filename removes.
var validNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^-\pL\pN_.]`) })

// ValidName is Django's get_valid_filename, which a storage applies to
// an upload's name: spaces become underscores and what is not a letter,
// digit, "-", "_" or "." is dropped ("new plan!.pdf" → "new_plan.pdf").
func ValidName(name string) (string, error) {
	s := strings.ReplaceAll(strings.TrimSpace(name), " ", "_")
	s = validNameRE().ReplaceAllString(s, "")
	if s == "" || s == "." || s == ".." {
		return "", fmt.Errorf("%w: could not derive a file name from %q", ErrBadName, name)
	}
	return s, nil
}

// Dir stores files under a folder on disk, served under BaseURL: Django's
// FileSystemStorage. The zero Dir stores under "media" in the working
// directory and serves under "/media/", Django's usual settings.
type Dir struct {
	// Root is the folder; "" means "media".
	Root string
	// BaseURL is the URL prefix of stored files; "" means "/media/".
	BaseURL string
}

func (d Dir) root() string {
	if d.Root == "" {
		return "media"
	}
	return d.Root
}

func (d Dir) path(name string) (string, error) {
	clean, err := CleanName(name)
	if err != nil {
		return "", err
	}
	return filepath.Join(d.root(), filepath.FromSlash(clean)), nil
}

// Save implements Storage.
func (d Dir) Save(name string, content io.Reader, maxLength int) (string, error) {
	clean, err := CleanName(name)
	if err != nil {
		return "", err
	}
	for {
		free, err := availableName(clean, maxLength, d.Exists)
		if err != nil {
			return "", err
		}
		p, _ := d.path(free)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", fmt.Errorf("storage: save %q: %w", free, err)
		}
		// O_EXCL: a name taken meanwhile by another writer is not overwritten.
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("storage: save %q: %w", free, err)
		}
		_, err = io.Copy(f, content)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(p)
			return "", fmt.Errorf("storage: save %q: %w", free, err)
		}
		return free, nil
	}
}

// Open implements Storage.
func (d Dir) Open(name string) (io.ReadCloser, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

// Size implements Storage.
func (d Dir) Size(name string) (int64, error) {
	p, err := d.path(name)
	if err != nil {
		return 0, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// Exists implements Storage.
func (d Dir) Exists(name string) (bool, error) {
	p, err := d.path(name)
	if err != nil {
		return false, err
	}
	_, err = os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// URL implements Storage.
func (d Dir) URL(name string) string { return urlOf(d.BaseURL, name) }

func urlOf(base, name string) string {
	if base == "" {
		base = "/media/"
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + strings.TrimPrefix(FilepathToURI(name), "/")
}

// Memory keeps files in memory, served under BaseURL ("" means
// "/media/"). The zero Memory is empty and ready to use; it is safe for
// concurrent use.
type Memory struct {
	BaseURL string
	mu      sync.Mutex
	files   map[string][]byte
}

// Save implements Storage.
func (m *Memory) Save(name string, content io.Reader, maxLength int) (string, error) {
	clean, err := CleanName(name)
	if err != nil {
		return "", err
	}
	body, err := io.ReadAll(content)
	if err != nil {
		return "", fmt.Errorf("storage: save %q: %w", clean, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	free, err := availableName(clean, maxLength, func(n string) (bool, error) { _, ok := m.files[n]; return ok, nil })
	if err != nil {
		return "", err
	}
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[free] = body
	return free, nil
}

func (m *Memory) get(name string) ([]byte, error) {
	clean, err := CleanName(name)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	body, ok := m.files[clean]
	if !ok {
		return nil, fmt.Errorf("storage: open %q: %w", clean, fs.ErrNotExist)
	}
	return body, nil
}

// Open implements Storage.
func (m *Memory) Open(name string) (io.ReadCloser, error) {
	body, err := m.get(name)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(body)), nil
}

// Size implements Storage.
func (m *Memory) Size(name string) (int64, error) {
	body, err := m.get(name)
	return int64(len(body)), err
}

// Exists implements Storage.
func (m *Memory) Exists(name string) (bool, error) {
	_, err := m.get(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// URL implements Storage.
func (m *Memory) URL(name string) string { return urlOf(m.BaseURL, name) }

// File is a stored file as a model's FileField holds it (Django's
// FieldFile): its name in a storage. It is what a file field's initial
// value is when a form edits a row with a stored file, and a
// ClearableFileInput shows it as a link.
type File struct {
	Name    string
	Storage Storage
}

// URL is where the file is served ("" without a storage).
func (f *File) URL() string {
	if f == nil || f.Storage == nil || f.Name == "" {
		return ""
	}
	return f.Storage.URL(f.Name)
}

// String returns the stored name, as str() of Django's FieldFile does
// ("" for a nil File).
func (f *File) String() string {
	if f == nil {
		return ""
	}
	return f.Name
}

// FileName returns the stored name.
func (f *File) FileName() string { return f.String() }

// FileSize reads the stored file's size, as FieldFile.size does.
func (f *File) FileSize() (int64, error) {
	if f == nil || f.Storage == nil {
		return 0, errors.New("storage: file without a storage")
	}
	return f.Storage.Size(f.Name)
}
