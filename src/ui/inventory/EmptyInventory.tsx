// What a new user sees first: the two ways to get started.
import { openDialog } from '../forms/dialogs';
import { Link } from '../router';

export function EmptyInventory({ past }: { past: boolean }) {
  if (past) {
    return (
      <div class="empty">
        <h2>Nothing recorded yet</h2>
        <p>No item existed at that time.</p>
      </div>
    );
  }
  return (
    <div class="empty">
      <h2>Your inventory is empty</h2>
      <p>Eventory keeps every change you make, so you can see who had what, when. Start with one of these:</p>
      <div class="empty-choices">
        <div class="choice">
          <h3>Start fresh</h3>
          <p>Create an item, then add stock to it.</p>
          <button type="button" class="btn btn-primary" onClick={(e) => openDialog({ kind: 'newItem' }, e.currentTarget)}>
            Create your first item
          </button>
        </div>
        <div class="choice">
          <h3>Continue from another device</h3>
          <p>Export the log on that device, then import the file here. Both keep their history.</p>
          <Link to="/data" class="btn btn-secondary">
            Import a log
          </Link>
        </div>
      </div>
    </div>
  );
}
