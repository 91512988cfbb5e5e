package corpus

func (r *Reader) readJSON(source string, data []byte, format Format, over *fields) ([]Article, []Warning) {
	return nil, []Warning{{File: source, Reason: "JSON input is not supported yet"}}
}
