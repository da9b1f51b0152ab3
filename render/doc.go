// Package render turns the election model into the parts of an answer
// in the asker's language: the results of a contest and its rounds, the
// seats and the majority, a list's profile, two elections side by side,
// a party's trend, where an article comes from, the /about sheet.
//
// The engine's commands (package bot) read the user's arguments, pick
// the election and what to show, and call render for the words; render
// reads only the model (knowledge), says only what the catalogue (lang,
// through reply.Say) holds, and keeps no state, so each function is a
// plain mapping from model to text that any command may share.
package render
