// Each test class starts its own server and Chromium; two at a time keep two cores busy without starving either.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
