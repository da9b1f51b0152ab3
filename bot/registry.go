package bot

import (
	"fmt"
	"strings"

	"github.com/electionbot/electionbot/knowledge"
	"github.com/electionbot/electionbot/reply"
)

// A Command describes one command for the adapters (Discord registration,
// Telegram's command menu) and for /help.
type Command struct {
	Name        string
	Description string // one line, under 100 characters
	// Usage shows the arguments: "/list [number]".
	Usage   string
	Options []CommandOption
	// Hidden commands work but are not advertised (/start).
	Hidden bool
}

// OptionType is the type of a command option.
type OptionType int

// The option types adapters map to their platform's.
const (
	OptionString OptionType = iota
	OptionInteger
)

// A CommandOption is one typed argument of a command.
type CommandOption struct {
	Name         string
	Description  string
	Type         OptionType
	Required     bool
	Autocomplete bool
	// Min and Max bound integer options; 0 means unbounded.
	Min, Max int
}

// OptionElection is the option that picks one of several loaded elections.
const OptionElection = "election"

// A command is one entry of the command table: what the adapters and
// /help show, whether it is about one election (and so takes the election
// option when several are loaded), and the handler that answers it.
type command struct {
	Command
	perElection bool
	run         func(c *call) Response
}

// registry is the command table: every command the bot has, in the order
// /help lists them. To add a command, add its line here and write its
// handler, a func(*call) Response, in a file of its own (seats.go,
// lists.go, ...); the adapters register whatever this table holds.
func (e *Engine) registry() []*command {
	return []*command{
		{Command: Command{Name: "seats", Description: "Seats per list, the total, the majority line and who holds it", Usage: "/seats"},
			perElection: true, run: (*call).seats},
		{Command: Command{Name: "results", Description: "The result: share, seats, change and votes per list, as the article gives them", Usage: "/results"},
			perElection: true, run: (*call).results},
		{Command: Command{Name: "list", Description: "All electoral lists, or one list in full", Usage: "/list [number]",
			Options: []CommandOption{{Name: "number", Description: "Ballot number of the list (or start typing its name)", Type: OptionInteger, Min: 1, Autocomplete: true}}},
			perElection: true, run: (*call).list},
		{Command: Command{Name: "poll", Description: "Opinion polls: all, one pollster's, or one party across polls", Usage: "/poll [pollster or party]",
			Options: []CommandOption{{Name: "who", Description: "A pollster or a party", Type: OptionString, Autocomplete: true}}},
			perElection: true, run: (*call).poll},
		{Command: Command{Name: "party", Description: "Everything the article says about one party or list", Usage: "/party <name, abbreviation, leader or number>",
			Options: []CommandOption{{Name: "name", Description: "Name, abbreviation (DS), leader or carrier, or ballot number", Type: OptionString, Required: true, Autocomplete: true}}},
			perElection: true, run: (*call).party},
		{Command: Command{Name: "candidate", Description: "Everything the article says about one candidate, round by round", Usage: "/candidate <name or surname>",
			Options: []CommandOption{{Name: "name", Description: "The candidate's name or surname", Type: OptionString, Required: true, Autocomplete: true}}},
			perElection: true, run: (*call).candidate},
		{Command: Command{Name: "compare", Description: "Two elections side by side: turnout, seats and each party's change", Usage: "/compare [election] [election]",
			Options: []CommandOption{
				{Name: "first", Description: "An election (year, place or id); the one before the second by default", Type: OptionString, Autocomplete: true},
				{Name: "second", Description: "Another election; the newest by default", Type: OptionString, Autocomplete: true}}},
			run: (*call).compare},
		{Command: Command{Name: "trend", Description: "One party's seats and share in every loaded election, with a chart", Usage: "/trend <party>",
			Options: []CommandOption{
				{Name: "party", Description: "Name, abbreviation or leader of the party", Type: OptionString, Required: true, Autocomplete: true}}},
			perElection: true, run: (*call).trend},
		{Command: Command{Name: "about", Description: "Date, turnout, seats, majority, threshold, lists, mayor, previous and next election", Usage: "/about"},
			perElection: true, run: (*call).about},
		{Command: Command{Name: "ask", Description: "Ask a question in plain words (English or Serbian)", Usage: "/ask <question>",
			Options: []CommandOption{{Name: "question", Description: "Your question in plain words, e.g. Who won? or What was the turnout?", Type: OptionString, Required: true}}},
			run: (*call).ask},
		{Command: Command{Name: "search", Description: "Find passages of the article that mention some words", Usage: "/search <words>",
			Options: []CommandOption{{Name: "words", Description: "Words to look for", Type: OptionString, Required: true}}},
			perElection: true, run: (*call).search},
		{Command: Command{Name: "elections", Description: "The elections the bot has loaded", Usage: "/elections"},
			run: (*call).elections},
		{Command: Command{Name: "help", Description: "What the bot can do", Usage: "/help"},
			run: (*call).help},
		{Command: Command{Name: "start", Description: "Welcome and help", Usage: "/start", Hidden: true},
			run: (*call).help},
	}
}

func (e *Engine) lookup(name string) *command {
	for _, c := range e.commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Commands describes the commands as they stand for the loaded data: the
// list number's maximum is the highest ballot number, and an election
// option appears when more than one election is loaded.
func (e *Engine) Commands() []Command {
	st := e.state.Load()
	lib := st.lib
	maxBallot := 0
	for _, el := range lib.Elections {
		maxBallot = max(maxBallot, el.MaxBallot())
	}
	var out []Command
	for _, c := range e.commands {
		cmd := c.Command
		cmd.Options = append([]CommandOption(nil), c.Options...)
		for i := range cmd.Options {
			if cmd.Name == "list" && cmd.Options[i].Name == "number" && maxBallot > 0 {
				cmd.Options[i].Max = maxBallot
			}
		}
		if len(lib.Elections) > 1 && c.perElection {
			cmd.Options = append(cmd.Options, CommandOption{Name: OptionElection,
				Description: "Which election (year or place); the newest by default", Type: OptionString, Autocomplete: true})
		}
		out = append(out, cmd)
	}
	return out
}

// option returns the named option: typed by the platform, or for text
// commands the arguments left after the election was taken out.
func (c *call) option(name string, rest string) string {
	if c.p.options != nil {
		return strings.TrimSpace(c.p.options[name])
	}
	return strings.TrimSpace(rest)
}

func (c *call) unknownCommand(name string) Response {
	name = reply.Clip(name, 30)
	var best string
	bestD := 3
	for _, cmd := range c.engine.commands {
		if d := knowledge.EditDistance(knowledge.Fold(name), cmd.Name, 2); d < bestD && !cmd.Hidden {
			best, bestD = cmd.Name, d
		}
	}
	if best != "" {
		return reply.Invalid("I don't know /%s. Did you mean /%s? /help lists every command.", name, best)
	}
	return reply.Invalid("I don't know /%s. /help lists every command; or just ask a question in plain words.", name)
}

func (c *call) help() Response {
	lines := []string{}
	for _, cmd := range c.engine.Commands() {
		if cmd.Hidden {
			continue
		}
		lines = append(lines, cmd.Usage+" — "+cmd.Description)
	}
	text := "I answer questions about election articles, from the article itself."
	if len(c.lib.Elections) > 0 {
		text += " Loaded: " + reply.ElectionNames(c.lib.Elections) + "."
	}
	text += fmt.Sprintf("\nAsk in plain words (\"%s\") or use a command:", reply.ExampleQuestion(c.lib.Elections))
	if v := c.engine.version; v != "" {
		lines = append(lines, "", "electionbot "+v)
	}
	return Response{Title: "electionbot", Text: text + "\n" + strings.Join(lines, "\n"), Outcome: Answered}
}
