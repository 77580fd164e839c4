export function initHome(): void {}
