// Each test class starts its own server and Chromium; two cores cannot run several at once without timing out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
