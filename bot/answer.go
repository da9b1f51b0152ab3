package bot

func (c *call) ask() Response {
	q := c.option("question", c.p.args)
	if q == "" {
		return userError("Ask me something after /ask, like: /ask How many seats did the SNS win?")
	}
	return c.freeText(q)
}

func (c *call) freeText(q string) Response {
	return Response{Text: "I couldn't find that in the article.", Outcome: Refused}
}
