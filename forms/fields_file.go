package forms

import (
	"bytes"
	"image"
	_ "image/gif" // ImageField accepts GIF, JPEG and PNG images.
	_ "image/jpeg"
	_ "image/png"
	"io"
	"unicode/utf8"

	"github.com/formwork/formwork/renderers"
	"github.com/formwork/formwork/validators"
	"github.com/formwork/formwork/widgets"
)

// FileField cleans an uploaded file (*widgets.UploadedFile).
type FileField struct {
	FieldCore
	// MaxLength limits the file name's length; 0 means no limit.
	MaxLength int
	// AllowEmptyFile accepts files of zero bytes.
	AllowEmptyFile bool
}

// NewFileField returns a required FileField.
func NewFileField() *FileField { return &FileField{} }

// DefaultWidget implements DefaultWidgeter.
func (f *FileField) DefaultWidget() widgets.Widget { return widgets.NewClearableFileInput(nil) }

// DefaultErrorMessages implements ErrorMessager.
func (f *FileField) DefaultErrorMessages() map[string]string {
	return map[string]string{
		"invalid":       "No file was submitted. Check the encoding type on the form.",
		"missing":       "No file was submitted.",
		"empty":         "The submitted file is empty.",
		"contradiction": "Please either submit a file or check the clear checkbox, not both.",
	}
}

// StoredFile is a file already stored (a model's FileField value, as
// *storage.File): a disabled file field cleans its initial one.
type StoredFile interface {
	FileName() string
	FileSize() (int64, error)
}

// ToPython checks the upload has a name and content.
func (f *FileField) ToPython(value any) (any, error) {
	if IsEmpty(value) {
		return nil, nil
	}
	if sf, ok := value.(StoredFile); ok {
		return f.checkFile(value, sf.FileName(), sf.FileSize)
	}
	up, ok := value.(*widgets.UploadedFile)
	if !ok || up == nil {
		return nil, f.Error("invalid", "No file was submitted. Check the encoding type on the form.", nil)
	}
	return f.checkFile(up, up.Name, func() (int64, error) { return up.Size, nil })
}

// checkFile is Django's FileField.to_python on a file with a name and a
// size.
func (f *FileField) checkFile(file any, name string, size func() (int64, error)) (any, error) {
	if n := utf8.RuneCountInString(name); f.MaxLength > 0 && n > f.MaxLength {
		msg := "Ensure this filename has at most %(max)d characters (it has %(length)d)."
		if f.MaxLength == 1 {
			msg = "Ensure this filename has at most %(max)d character (it has %(length)d)."
		}
		return nil, f.Error("max_length", msg, map[string]any{"max": f.MaxLength, "length": n})
	}
	if name == "" {
		return nil, f.Error("invalid", "No file was submitted. Check the encoding type on the form.", nil)
	}
	n, err := size()
	if err != nil {
		return nil, f.Error("invalid", "No file was submitted. Check the encoding type on the form.", nil)
	}
	if !f.AllowEmptyFile && n == 0 {
		return nil, f.Error("empty", "The submitted file is empty.", nil)
	}
	return file, nil
}

// CleanFile implements FileCleaner: a cleared optional field cleans to
// false, and no upload keeps the initial file.
func (f *FileField) CleanFile(data, initial any) (any, error) {
	return f.cleanFile(f, data, initial)
}

func (f *FileField) cleanFile(self Field, data, initial any) (any, error) {
	if data == widgets.FileInputContradiction {
		return nil, f.Error("contradiction", "Please either submit a file or check the clear checkbox, not both.", nil)
	}
	if b, ok := data.(bool); ok && !b {
		if !f.Required() {
			return false, nil
		}
		data = nil
	}
	if !truthy(data) && truthy(initial) {
		return initial, nil
	}
	return cleanSteps(self, data)
}

// BoundData shows the initial file: a browser never sends a file back.
func (f *FileField) BoundData(_, initial any) any { return initial }

// HasChanged reports whether a file (or a clear) was submitted.
func (f *FileField) HasChanged(_, data any) bool { return !f.Disabled && data != nil }

// ImageField is a FileField whose file must be a GIF, JPEG or PNG image
// with an image file extension.
type ImageField struct{ FileField }

// NewImageField returns a required ImageField.
func NewImageField() *ImageField { return &ImageField{FileField{}} }

// DefaultValidators checks the file extension.
func (f *ImageField) DefaultValidators() []validators.Validator {
	return []validators.Validator{validators.FileExtension(imageExtensions...)}
}

// ExtraValidators implements ValidatorSource.
func (f *ImageField) ExtraValidators() []validators.Validator { return nil }

// DefaultErrorMessages implements ErrorMessager.
func (f *ImageField) DefaultErrorMessages() map[string]string {
	m := f.FileField.DefaultErrorMessages()
	m["invalid_image"] = "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
	return m
}

// ToPython checks the file decodes as an image.
func (f *ImageField) ToPython(value any) (any, error) {
	v, err := f.FileField.ToPython(value)
	if err != nil || v == nil {
		return v, err
	}
	up, ok := v.(*widgets.UploadedFile)
	if !ok {
		return v, nil // a stored file: Django checks only uploads (the reference has no Pillow)
	}
	invalid := f.Error("invalid_image", "Upload a valid image. The file you uploaded was either not an image or a corrupted image.", nil)
	if up.Open == nil {
		return nil, invalid
	}
	r, err := up.Open()
	if err != nil {
		return nil, invalid
	}
	defer r.Close()
	// Read at most what decoding the header needs, so a huge upload is
	// not pulled into memory.
	head, _ := io.ReadAll(io.LimitReader(r, 1<<20))
	if _, format, err := image.DecodeConfig(bytes.NewReader(head)); err != nil || format == "" {
		return nil, invalid
	}
	return up, nil
}

// CleanFile implements FileCleaner.
func (f *ImageField) CleanFile(data, initial any) (any, error) { return f.cleanFile(f, data, initial) }

// WidgetAttrs writes accept="image/*" on a file input.
func (f *ImageField) WidgetAttrs(w widgets.Widget) renderers.Attrs {
	a := renderers.Attrs{}
	switch w.(type) {
	case *widgets.FileInput, *widgets.ClearableFileInput:
		if _, has := w.Base().Attrs["accept"]; !has {
			a["accept"] = "image/*"
		}
	}
	return a
}

// imageExtensions are the file extensions Pillow (which Django's
// validate_image_file_extension asks) knows as images.
var imageExtensions = []string{"blp", "bmp", "dib", "bufr", "cur", "pcx", "dcx", "dds", "ps", "eps", "fit", "fits", "fli", "flc", "ftc", "ftu", "gbr", "gif", "grib", "h5", "hdf", "png", "apng", "jp2", "j2k", "jpc", "jpf", "jpx", "j2c", "icns", "ico", "im", "iim", "jfif", "jpe", "jpg", "jpeg", "mpg", "mpeg", "tif", "tiff", "mpo", "msp", "palm", "pcd", "pdf", "pxr", "pbm", "pgm", "ppm", "pnm", "pfm", "psd", "qoi", "bw", "rgb", "rgba", "sgi", "ras", "tga", "icb", "vda", "vst", "webp", "wmf", "emf", "xbm", "xpm"}
