// Entry point placeholder: the command line and host are wired in by the foundation work.
return 0;
