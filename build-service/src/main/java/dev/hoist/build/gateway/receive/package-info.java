/**
 * What happens inside a push, as JGit pre-receive hooks: {@link
 * dev.hoist.build.gateway.receive.RefRules} refuses refs that do not deploy, then {@link
 * dev.hoist.build.gateway.receive.DeployHook} hands the pushed commit of {@code main} or {@code
 * master} to a {@link dev.hoist.build.gateway.receive.Deployer}, which builds it and streams the
 * output back as {@code remote:} lines. A refused ref is a {@code ReceiveCommand.Result}, never an
 * exception: hooks do not throw.
 */
package dev.hoist.build.gateway.receive;
