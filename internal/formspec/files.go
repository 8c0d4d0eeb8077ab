package formspec

import (
	"bytes"
	"io"

	"github.com/formwork/formwork/storage"
)

// caseStorage is the storage of one case: it starts empty, as the
// reference's does, and keeps what the case saves; a stored file the
// case names without saving it (an initial {"$file": NAME}, a row's file
// field) exists in it with its name as its content, as SPEC.md says.
type caseStorage struct{ storage.Memory }

// Open implements storage.Storage.
func (s *caseStorage) Open(name string) (io.ReadCloser, error) {
	if ok, _ := s.Memory.Exists(name); ok {
		return s.Memory.Open(name)
	}
	if _, err := storage.CleanName(name); err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader([]byte(name))), nil
}

// Size implements storage.Storage.
func (s *caseStorage) Size(name string) (int64, error) {
	if ok, _ := s.Memory.Exists(name); ok {
		return s.Memory.Size(name)
	}
	if _, err := storage.CleanName(name); err != nil {
		return 0, err
	}
	return int64(len(name)), nil
}

// storedFile is the value of {"$file": NAME} in an initial: a file of
// the case's storage.
func storedFile(name string) *storage.File {
	return &storage.File{Name: name, Storage: &caseStorage{}}
}
