// Which input the inputs index has selected, and which statuses it shows (live page only).
import type { InputStatus } from '../../core/report/report';

export type StatusFilter = 'all' | InputStatus;

export class Selection {
	selected = $state<string | null>(null);
	filter = $state<StatusFilter>('all');

	shows(status: InputStatus): boolean {
		return this.filter === 'all' || this.filter === status;
	}
}
