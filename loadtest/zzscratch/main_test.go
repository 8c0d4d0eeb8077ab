package zzscratch
import ("testing";"fmt";"github.com/formwork/formwork/formspec")
func TestX(t *testing.T){ fmt.Println(formspec.FieldTypes()) }
