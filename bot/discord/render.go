package discord

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/electionbot/electionbot/bot"
	"github.com/electionbot/electionbot/lang"
	"github.com/electionbot/electionbot/reply"
)

// Discord's message limits. All embeds of one message share the 6000
// characters, so more embeds only lift the 25-field limit.
const (
	maxEmbeds      = 10
	maxEmbedTotal  = 6000
	maxTitle       = 256
	maxEmbedDesc   = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxCustomID    = 100
	maxButtonLabel = 80
	maxRowButtons  = 5
	maxRows        = 5
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
)

// markerReserve is kept free of the 6000 characters for the field that
// says how much was left out.
const markerReserve = 48

// blank stands in for an empty field name or value, which Discord refuses.
const blank = "\u200b"

// A message is a Response rendered for Discord, ready to become an
// interaction response, a follow-up or an edit.
type message struct {
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	image      *bot.Image // sent as files[0], shown in the last embed
	ephemeral  bool
}

// render turns a Response into embeds and buttons within Discord's limits:
// text that does not fit is cut with "…", fields beyond one embed's 25 go
// to further embeds, and fields beyond the message's 6000 characters are
// left out with a field saying how many.
func render(r bot.Response) message {
	title := fitEscaped(validText(r.Title), maxTitle)
	link := r.Source.Link()
	footer, tail := sourceParts(r, title != "")
	room := maxEmbedDesc
	if tail != "" {
		room -= size(tail) + 2 // and the blank line before it
	}
	budget := maxEmbedTotal - size(title) - size(footer) - markerReserve
	desc := paragraphs(fitLinked(validText(r.Text), min(room, budget-size(tail)-2)), tail)
	budget -= size(desc)

	var fields []field
	for _, f := range r.Fields {
		value := validText(f.Value)
		fields = append(fields, field{name: validText(f.Name), inline: f.Inline,
			value: func(limit int) string { return fitLinked(value, limit) }})
	}
	for _, p := range r.Passages {
		spans := make([]spanText, len(p.Spans))
		for i, s := range p.Spans {
			spans[i] = spanText{text: validText(s.Text), mark: s.Mark}
		}
		name := p.Source.Section
		if name == "" {
			name = r.Lang.T(lang.PassageLabel)
		}
		fields = append(fields, field{name: validText(name),
			value: func(limit int) string { return passageMarkdown(spans, limit) }})
	}
	embedFields := fitFields(fields, budget, r.Lang)
	if title == "" && desc == "" && len(embedFields) == 0 {
		desc = ellipsis
	}

	colour := parseColour(r.Colour)
	first := &discordgo.MessageEmbed{Title: title, Description: desc, Color: colour, URL: link}
	embeds := []*discordgo.MessageEmbed{first}
	for len(embedFields) > 0 {
		e := embeds[len(embeds)-1]
		if len(e.Fields) == maxFields {
			e = &discordgo.MessageEmbed{Color: colour}
			embeds = append(embeds, e)
		}
		n := min(maxFields-len(e.Fields), len(embedFields))
		e.Fields = append(e.Fields, embedFields[:n]...)
		embedFields = embedFields[n:]
	}
	last := embeds[len(embeds)-1]
	if footer != "" {
		last.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	m := message{embeds: embeds, components: buttons(r.Buttons), ephemeral: r.Ephemeral}
	if r.Image != nil && len(r.Image.PNG) > 0 {
		img := *r.Image
		img.Name = fileName(img.Name)
		m.image = &img
		last.Image = &discordgo.MessageEmbedImage{URL: "attachment://" + img.Name}
	}
	return m
}

// sourceParts are the source as the footer says it and the lines that
// end the description: the links of an answer from several articles and,
// without a title (so that the embed's URL links nothing), the source
// line itself as a link, moved from the footer, which cannot link.
func sourceParts(r bot.Response, titled bool) (footer, tail string) {
	footer, tail = clip(validText(r.Source.String()), maxFooter), linksLine(r)
	if link := r.Source.Link(); link != "" && !titled {
		return "", paragraphs(sourceLink(r, link), tail)
	}
	return footer, tail
}

// sourceLink is the source line with its text a Markdown link to the
// article: "Source: [2014 … election, Results](<https://…>)".
func sourceLink(r bot.Response, link string) string {
	before, after := r.Source.Frame(r.Lang)
	text := fitEscaped(validText(r.Source.String()), maxTitle)
	return escape(before) + maskedLink(text, link) + escape(after)
}

// maskedLink is "[text](address)", the address's brackets encoded so
// that none of them ends the link early ("…_(Beograd)" is an equal
// address as "…_%28Beograd%29").
func maskedLink(text, address string) string {
	return "[" + text + "](" + strings.NewReplacer("(", "%28", ")", "%29").Replace(address) + ")"
}

// linksLine links each article of an answer drawn from several
// elections: "Articles: [2014](<…>) · [2018](<…>)"; "" for one.
func linksLine(r bot.Response) string {
	var links []string
	for _, l := range r.Source.Links {
		if u := reply.LinkURL(l.URL); u != "" {
			links = append(links, maskedLink(fitEscaped(validText(l.Label), maxChoiceName), u))
		}
	}
	if len(links) == 0 {
		return ""
	}
	before, after := reply.Around(r.Lang, lang.SourceLinks)
	return escape(before) + strings.Join(links, " · ") + escape(after)
}

// paragraphs joins the texts that are not empty with a blank line.
func paragraphs(texts ...string) string {
	var out []string
	for _, t := range texts {
		if t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "\n\n")
}

// A field is a name and a value still to be rendered, so that a value
// cut to fit is cut before its Markdown is written, never through it.
type field struct {
	name   string
	value  func(limit int) string
	inline bool
}

// fitFields renders the fields that fit in budget characters and in ten
// embeds; the first one that does not fit is cut when enough room is
// left, and a last field says how many were left out.
func fitFields(fields []field, budget int, l lang.Lang) []*discordgo.MessageEmbedField {
	slots := maxEmbeds*maxFields - 1 // one for the marker
	var out []*discordgo.MessageEmbedField
	for i, f := range fields {
		name := orBlank(fitEscaped(f.name, maxFieldName))
		value := orBlank(f.value(maxFieldValue))
		cost := size(name) + size(value)
		if cost <= budget && len(out) < slots {
			out = append(out, &discordgo.MessageEmbedField{Name: name, Value: value, Inline: f.inline})
			budget -= cost
			continue
		}
		if room := budget - size(name); room >= 64 && len(out) < slots {
			out = append(out, &discordgo.MessageEmbedField{Name: name, Value: orBlank(f.value(room)), Inline: f.inline})
			i++
		}
		if left := len(fields) - i; left > 0 {
			out = append(out, &discordgo.MessageEmbedField{Name: ellipsis, Value: l.T(lang.MoreNotShown, left)})
		}
		return out
	}
	return out
}

func orBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return blank
	}
	return s
}

// parseColour reads "#RRGGBB" (or "#RGB") as the integer Discord wants; 0
// (no colour) for anything else.
func parseColour(s string) int {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return 0
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0
	}
	return int(n)
}

// fileName makes an image's name safe for an attachment:// reference,
// which takes letters, digits, '.', '_' and '-' only.
func fileName(name string) string {
	var b strings.Builder
	for _, r := range strings.TrimSuffix(name, ".png") {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		case r == '.' || r == ' ':
			b.WriteByte('_')
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 {
		b.WriteString("chart")
	}
	return b.String() + ".png"
}

// buttons lays out pagination buttons in rows of five. A button whose data
// would not survive as a custom_id (empty, too long, a duplicate) is left
// out rather than sent broken.
func buttons(bs []bot.Button) []discordgo.MessageComponent {
	var rows []discordgo.MessageComponent
	var row []discordgo.MessageComponent
	seen := map[string]bool{}
	for _, b := range bs {
		if b.Data == "" || len(b.Data) > maxCustomID || seen[b.Data] || validText(b.Data) != b.Data {
			continue
		}
		if len(rows) == maxRows {
			break
		}
		seen[b.Data] = true
		label := strings.TrimSpace(clip(validText(b.Label), maxButtonLabel))
		if label == "" {
			label = ellipsis
		}
		row = append(row, discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: b.Data})
		if len(row) == maxRowButtons {
			rows = append(rows, discordgo.ActionsRow{Components: row})
			row = nil
		}
	}
	if len(row) > 0 && len(rows) < maxRows {
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	return rows
}

// file returns the message's image as a discordgo upload, or nil.
func (m message) files() []*discordgo.File {
	if m.image == nil {
		return nil
	}
	return []*discordgo.File{{Name: m.image.Name, ContentType: "image/png", Reader: bytes.NewReader(m.image.PNG)}}
}

func (m message) flags() discordgo.MessageFlags {
	if m.ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// noMentions is sent with every message: nothing an article or a user
// wrote may ping anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// responseData is the message as an interaction response's data. The
// components are always sent, empty when there are none, so that an
// updated page drops buttons it no longer has.
func (m message) responseData() *discordgo.InteractionResponseData {
	components := m.components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.InteractionResponseData{
		Embeds:          m.embeds,
		Components:      components,
		Files:           m.files(),
		AllowedMentions: noMentions(),
		Flags:           m.flags(),
	}
}

// edit is the message as an edit of a deferred response.
func (m message) edit() *discordgo.WebhookEdit {
	embeds, components := m.embeds, m.components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{
		Embeds:          &embeds,
		Components:      &components,
		Files:           m.files(),
		AllowedMentions: noMentions(),
	}
}

// followUp is the message as a follow-up message.
func (m message) followUp() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Embeds:          m.embeds,
		Components:      m.components,
		Files:           m.files(),
		AllowedMentions: noMentions(),
		Flags:           m.flags(),
	}
}
