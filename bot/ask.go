package bot

import "github.com/electionbot/electionbot/reply"

// ask answers /ask <question>, as if the question had been sent alone.
func (c *call) ask() Response {
	q := c.option("question", c.p.args)
	if q == "" {
		return reply.Invalid("Ask me something after /ask, like: /ask %s", reply.ExampleQuestion(c.lib.Elections))
	}
	return c.freeText(q)
}

// freeText hands a question in plain words to the answerer.
func (c *call) freeText(text string) Response {
	if c.state.answerer == nil {
		return reply.Refusal(nil, "I answer commands only here: /help lists them.")
	}
	return c.state.answerer.Answer(c.ctx, text)
}
