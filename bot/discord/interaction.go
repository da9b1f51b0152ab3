package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
)

// A responder sends the first response to an interaction: over REST for
// the gateway, in the HTTP response for the endpoint.
type responder func(*discordgo.InteractionResponse) error

// serve answers one interaction, whichever way it came. Commands and
// button clicks that take longer than DeferAfter are deferred and their
// answer edited in later, on a goroutine that Shutdown waits for. A panic
// is logged and answered with an apology; the caller has called begin.
func (b *Bot) serve(i *discordgo.Interaction, respond responder) {
	start := time.Now()
	responded := false
	send := func(r *discordgo.InteractionResponse) {
		responded = true
		if err := respond(r); err != nil {
			b.respondFailed(i, r, err)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			b.logPanic(i, p)
			if !responded {
				send(apologyResponse(i.Type))
			}
		}
	}()
	switch i.Type {
	case discordgo.InteractionPing:
		send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	case discordgo.InteractionApplicationCommandAutocomplete:
		send(b.autocomplete(i))
	case discordgo.InteractionApplicationCommand, discordgo.InteractionMessageComponent:
		b.answer(i, send)
	default:
		l := lang.FromLocale(locale(i))
		send(messageResponse(i.Type, bot.Response{Text: l.T(lang.UnknownInteraction), Ephemeral: true, Outcome: bot.UserError, Lang: l}))
	}
	b.log.Debug("interaction", "interaction_type", i.Type.String(), "user_id", userID(i), "latency_ms", time.Since(start).Milliseconds())
}

// answer runs the engine for a command or a button click and sends its
// answer, deferring first when the answer is slow.
func (b *Bot) answer(i *discordgo.Interaction, send func(*discordgo.InteractionResponse)) {
	if !b.limiter.Allow("discord:" + userID(i)) {
		if b.opts.OnRateLimited != nil {
			b.opts.OnRateLimited()
		}
		send(messageResponse(i.Type, bot.RateLimited(lang.FromLocale(locale(i)))))
		return
	}
	ctx, cancel := context.WithTimeout(b.work, answerTimeout)
	done := make(chan bot.Response, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				b.logPanic(i, p)
				done <- bot.ApologyIn(lang.FromLocale(locale(i)))
			}
		}()
		done <- b.run(ctx, i)
	}()
	timer := time.NewTimer(b.opts.DeferAfter)
	defer timer.Stop()
	select {
	case resp := <-done:
		cancel()
		send(messageResponse(i.Type, resp))
	case <-timer.C:
		deferred := discordgo.InteractionResponseDeferredChannelMessageWithSource
		if i.Type == discordgo.InteractionMessageComponent {
			deferred = discordgo.InteractionResponseDeferredMessageUpdate
		}
		send(&discordgo.InteractionResponse{Type: deferred})
		// Still inside begin/end, so the count cannot be zero here.
		b.gate.Extend()
		go func() {
			defer b.gate.Leave()
			defer cancel()
			b.finish(i, <-done)
		}()
	}
}

// run asks the engine.
func (b *Bot) run(ctx context.Context, i *discordgo.Interaction) bot.Response {
	if i.Type == discordgo.InteractionMessageComponent {
		data, _ := i.Data.(discordgo.MessageComponentInteractionData)
		return b.press(ctx, data.CustomID)
	}
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	opts := map[string]string{}
	for _, o := range data.Options {
		if o != nil {
			opts[o.Name] = optionString(o.Value)
		}
	}
	return b.handle(ctx, bot.Request{
		Platform: "discord",
		Command:  data.Name,
		Options:  opts,
		UserID:   userID(i),
		ChatID:   i.ChannelID,
		Locale:   locale(i),
	})
}

// respondFailed logs a first response that did not reach Discord, and
// counts it when it carried an answer (or promised one, deferred). It is
// not tried again: Discord takes the first response only within three
// seconds of the interaction.
func (b *Bot) respondFailed(i *discordgo.Interaction, r *discordgo.InteractionResponse, err error) {
	if r.Type == discordgo.InteractionResponsePong || r.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		b.log.Warn("respond to interaction", "interaction_type", i.Type.String(), "err", b.redact(err.Error(), i.Token))
		return
	}
	reason, _ := b.classify(err)
	if reason == "" {
		return
	}
	b.undelivered(i, "response", &undeliveredError{reason: reason, err: err})
}

// finish sends an answer that came after the deferral: an edit of the
// deferred response, or, for an error only the asker may see, an
// ephemeral follow-up (and the "thinking…" placeholder of a command goes).
// Each REST call is retried while Discord fails for a reason that passes.
func (b *Bot) finish(i *discordgo.Interaction, resp bot.Response) {
	defer func() {
		if p := recover(); p != nil {
			b.logPanic(i, p)
		}
	}()
	m := render(resp)
	if !m.ephemeral {
		err := b.deliver(func(ctx context.Context) error {
			_, err := b.session.InteractionResponseEdit(i, m.edit(), discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			b.undelivered(i, "deferred answer", err)
		}
		return
	}
	err := b.deliver(func(ctx context.Context) error {
		_, err := b.session.FollowupMessageCreate(i, true, m.followUp(), discordgo.WithContext(ctx))
		return err
	})
	if err != nil {
		b.undelivered(i, "follow-up", err)
		return
	}
	if i.Type == discordgo.InteractionApplicationCommand {
		// The answer is out; a placeholder left behind is untidy, not lost.
		if err := b.deliver(func(ctx context.Context) error {
			return b.session.InteractionResponseDelete(i, discordgo.WithContext(ctx))
		}); err != nil {
			b.log.Warn("delete the deferred placeholder", "err", b.redact(err.Error(), i.Token))
		}
	}
}

// messageResponse is the first response carrying an answer: a new message
// for a command, the clicked message updated for a button (an error to a
// click goes to the clicker alone, and the page stays).
func messageResponse(t discordgo.InteractionType, resp bot.Response) *discordgo.InteractionResponse {
	m := render(resp)
	typ := discordgo.InteractionResponseChannelMessageWithSource
	if t == discordgo.InteractionMessageComponent && !m.ephemeral {
		typ = discordgo.InteractionResponseUpdateMessage
	}
	return &discordgo.InteractionResponse{Type: typ, Data: m.responseData()}
}

// apologyResponse answers an interaction whose handling panicked.
func apologyResponse(t discordgo.InteractionType) *discordgo.InteractionResponse {
	switch t {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	case discordgo.InteractionApplicationCommandAutocomplete:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}}}
	}
	return messageResponse(t, bot.Apology())
}

func (b *Bot) logPanic(i *discordgo.Interaction, p any) {
	b.log.Error("interaction panicked", "interaction_type", i.Type.String(), "user_id", userID(i),
		"panic", b.redact(fmt.Sprint(p), i.Token), "stack", b.redact(string(debug.Stack()), i.Token))
}

// autocomplete suggests values for the option being typed.
func (b *Bot) autocomplete(i *discordgo.Interaction) *discordgo.InteractionResponse {
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	var focused *discordgo.ApplicationCommandInteractionDataOption
	election := ""
	for _, o := range data.Options {
		switch {
		case o == nil:
		case o.Focused:
			focused = o
		case o.Name == bot.OptionElection:
			election = optionString(o.Value)
		}
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if focused != nil {
		integer := focused.Type == discordgo.ApplicationCommandOptionInteger
		for _, c := range b.complete(data.Name, focused.Name, optionString(focused.Value), election) {
			if len(choices) == maxChoices {
				break
			}
			name := strings.TrimSpace(clip(validText(c.Name), maxChoiceName))
			if name == "" {
				name = clip(validText(c.Value), maxChoiceName)
			}
			var value any = c.Value
			if integer {
				n, err := strconv.Atoi(c.Value)
				if err != nil {
					continue
				}
				value = n
			} else if c.Value == "" || size(c.Value) > maxChoiceValue || validText(c.Value) != c.Value {
				continue // a cut value would not mean what the name says
			}
			if name == "" {
				continue
			}
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
		}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

// optionString renders an option value as the engine reads options:
// strings as typed, numbers without a fraction as integers.
func optionString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

// userID is the asker: a member in a server, a user in a DM.
func userID(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// locale is the asker's language as Discord tells it: the user's client
// locale, else the server's. Discord has no Serbian locale; Croatian
// ("hr") users get Serbian Latin (see lang.FromLocale).
func locale(i *discordgo.Interaction) string {
	if i.Locale != "" {
		return string(i.Locale)
	}
	if i.GuildLocale != nil {
		return string(*i.GuildLocale)
	}
	return ""
}
