using SignInSample;

await SignInApp.Build(args).RunAsync();
