export function initTrackPage(): void {}
