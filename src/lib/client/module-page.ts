export function initModulePage(): void {}
