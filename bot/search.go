package bot

// search answers /search <words> with the best passages, matching words
// marked. It needs the Library's Searcher (the bleve index).
func (c *call) search() Response {
	return Response{Text: "Search is not available yet.", Outcome: Refused}
}
