export function initStatusBadges(): void {}
