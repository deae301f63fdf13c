// Placeholder entry point replaced by the benchmark harness.
print("coveo-push-benchmark: no scenarios yet")
