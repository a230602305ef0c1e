"""Synthetic, realistic datasets for the demo, training and benchmarks."""
