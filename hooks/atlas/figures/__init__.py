"""Figures: the movement figure of each exercise, from pose data to a checked drawing and its SVG."""
