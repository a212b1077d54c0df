"""Routines: the estimate of a routine's time, the checks that keep routines true to their labels, and generated sessions."""
