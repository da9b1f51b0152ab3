module github.com/electionbot/electionbot

go 1.26.8
