using Herald.Cli;

// Not `return await`: an async Main and an async RunAsync each add a state machine that the framework's async builder
// is instantiated over, and those instantiations are in no ReadyToRun image, so every `herald` call JIT-compiled four
// methods for them. Blocking here is what the compiler's generated entry point for an async Main does anyway.
return HeraldCommand.RunAsync(args).GetAwaiter().GetResult();
