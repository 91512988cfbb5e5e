package corpus

// readHTML is filled in below.
func (r *Reader) readHTML(name, source string, data []byte, over *fields) ([]Article, []Warning) {
	return nil, []Warning{{File: source, Reason: "HTML input is not supported yet"}}
}
