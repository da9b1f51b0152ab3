package bot

import "github.com/electionbot/electionbot/lang"

// ask answers /ask <question>, as if the question had been sent alone.
func (c *call) ask() Response {
	q := c.option("question", c.p.args)
	if q == "" {
		return c.say.Invalid(lang.AskWhat, c.say.ExampleQuestion(c.lib.Elections))
	}
	return c.freeText(q)
}

// freeText hands a question in plain words to the answerer, with the
// language to answer in.
func (c *call) freeText(text string) Response {
	if c.state.answerer == nil {
		return c.say.Refusal(nil, c.say.T(lang.CommandsOnly))
	}
	return c.state.answerer.Answer(c.ctx, text, c.say.Lang)
}
