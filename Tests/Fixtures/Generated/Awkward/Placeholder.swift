import APIRuntime
